from django.urls import path

from innovations.views import editing, interactions, open_data, showcase, visitors

app_name = "innovations"

urlpatterns = [
    path("", showcase.showcase, name="showcase"),
    path("new/", editing.create, name="create"),
    path("mine/", editing.mine, name="mine"),
    path("feed/", open_data.InnovationFeed(), name="feed"),
    path("export.csv", open_data.export_csv, name="export_csv"),
    path("export.json", open_data.export_json, name="export_json"),
    path("tags/", showcase.tag_suggestions, name="tags"),
    path("<slug:slug>/", showcase.detail, name="detail"),
    path("<slug:slug>/edit/", editing.edit, name="edit"),
    path("<slug:slug>/submit/", editing.submit, name="submit"),
    path("<slug:slug>/archive/", editing.archive, name="archive"),
    path("<slug:slug>/team/", editing.team, name="team"),
    path("<slug:slug>/cover.jpg", showcase.cover, name="cover"),
    path("<slug:slug>/embed/", showcase.embed, name="embed"),
    path("<slug:slug>/endorse/", interactions.endorse, name="endorse"),
    path("<slug:slug>/follow/", interactions.follow, name="follow"),
    path("<slug:slug>/comments/", interactions.comment, name="comment"),
    path("<slug:slug>/comments/<int:pk>/edit/", interactions.comment_edit, name="comment_edit"),
    path("<slug:slug>/updates/", interactions.update, name="update"),
    path("<slug:slug>/interest/", interactions.interest, name="interest"),
    path("<slug:slug>/visitors/", visitors.interest, name="visitor_interest"),
    path("<slug:slug>/visitors/<str:token>/", visitors.visitor, name="visitor"),
    path("<slug:slug>/visitors/answer/<int:pk>/", visitors.visitor_reply, name="visitor_reply"),
    path("<slug:slug>/adoptions/", interactions.adoption, name="adoption"),
    path("<slug:slug>/adoptions/<int:pk>/", interactions.adoption_confirm, name="adoption_confirm"),
]
