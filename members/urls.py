from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("members/", views.directory, name="directory"),
    path("members/me/", views.dashboard, name="dashboard"),
    path("members/me/edit/", views.edit, name="edit"),
    path("members/me/export.json", views.export, name="export"),
    path("members/me/delete/", views.delete_account, name="delete"),
    path("members/me/messages/", views.conversations, name="conversations"),
    path("members/me/messages/<int:pk>/", views.conversation, name="conversation"),
    path("members/<slug:username>/", views.profile, name="profile"),
    path("members/<slug:username>/avatar.jpg", views.avatar, name="avatar"),
    path("members/<slug:username>/message/", views.message, name="message"),
    path("members/<slug:username>/block/", views.block, name="block"),
    path("follow/", views.follow_topic, name="follow"),
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("organisations/<slug:slug>/logo.jpg", views.organisation_logo, name="organisation_logo"),
]
