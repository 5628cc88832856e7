from django.urls import path

from spaces.views import browsing, discussions, membership, sharing

app_name = "spaces"

urlpatterns = [
    path("", browsing.space_list, name="list"),
    path("<slug:slug>/", browsing.space_detail, name="space"),
    path("<slug:slug>/members/", browsing.space_members, name="members"),
    path("<slug:slug>/join/", membership.join, name="join"),
    path("<slug:slug>/leave/", membership.leave, name="leave"),
    path("<slug:slug>/following/", membership.following, name="following"),
    path("<slug:slug>/invitation/<str:token>/", membership.invitation, name="invitation"),
    path("<slug:slug>/manage/", membership.manage, name="manage"),
    path("<slug:slug>/requests/<int:pk>/", membership.request_decide, name="request_decide"),
    path("<slug:slug>/new/", discussions.thread_new, name="thread_new"),
    path("<slug:slug>/threads/<int:pk>/", discussions.thread_detail, name="thread"),
    path("<slug:slug>/threads/<int:pk>/reply/", discussions.reply_create, name="reply"),
    path("<slug:slug>/threads/<int:pk>/edit/", discussions.thread_edit, name="thread_edit"),
    path("<slug:slug>/threads/<int:pk>/moderate/", discussions.thread_moderate,
         name="thread_moderate"),
    path("<slug:slug>/threads/<int:pk>/answer/", discussions.answer_mark, name="answer"),
    path("<slug:slug>/threads/<int:pk>/history/", discussions.thread_history, name="history"),
    path("<slug:slug>/replies/<int:pk>/edit/", discussions.reply_edit, name="reply_edit"),
    path("<slug:slug>/files/", sharing.files, name="files"),
    path("<slug:slug>/files/<int:pk>/", sharing.file_download, name="file"),
    path("<slug:slug>/files/<int:pk>/remove/", sharing.file_remove, name="file_remove"),
    path("<slug:slug>/link-innovation/", sharing.innovation_link, name="link_innovation"),
    path("<slug:slug>/propose/", sharing.propose, name="propose"),
    path("<slug:slug>/proposals/<int:pk>/", sharing.proposal_decide, name="proposal_decide"),
]  # fmt: skip
