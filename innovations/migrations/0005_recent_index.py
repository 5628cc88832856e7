from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("innovations", "0004_search_trigger")]

    operations = [
        migrations.AddIndex(
            model_name="innovation",
            index=models.Index(fields=["-published_at", "-id"], name="innovation_recent_idx"),
        ),
    ]
