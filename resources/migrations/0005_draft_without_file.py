"""Only a draft may have neither a file nor a link: a resource imported without its link
waits for its file (resources.imports)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('resources', '0004_roles'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='resource',
            name='resource_file_or_link',
        ),
        migrations.AddConstraint(
            model_name='resource',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('file', ''), models.Q(('external_url', ''), _negated=True)), models.Q(models.Q(('file', ''), _negated=True), ('external_url', '')), models.Q(('external_url', ''), ('file', ''), ('status', 'draft')), _connector='OR'), name='resource_file_or_link', violation_error_message='A resource has a file or an external link, not both.'),
        ),
    ]
