from django.urls import path

from mentoring.views import home, mentors, mentorships, programmes, requests

app_name = "mentoring"

urlpatterns = [
    path("", home.home, name="home"),
    path("mentors/", mentors.mentor_list, name="mentors"),
    path("mentors/<slug:username>/ask/", requests.ask, name="ask"),
    path("my-mentor-profile/", mentors.mentor_edit, name="mentor_edit"),
    path("requests/<int:pk>/", requests.detail, name="request"),
    path("requests/<int:pk>/respond/", requests.respond, name="request_respond"),
    path("requests/<int:pk>/withdraw/", requests.withdraw, name="request_withdraw"),
    path("requests/<int:pk>/ask/<slug:username>/", requests.forward, name="request_forward"),
    path("mentorships/<int:pk>/", mentorships.detail, name="mentorship"),
    path("mentorships/<int:pk>/goals/", mentorships.goal_add, name="goal_add"),
    path("mentorships/<int:pk>/goals/<int:goal_pk>/", mentorships.goal_toggle, name="goal_toggle"),
    path("mentorships/<int:pk>/sessions/", mentorships.session_add, name="session_add"),
    path("mentorships/<int:pk>/end-date/", mentorships.end_date, name="end_date"),
    path("mentorships/<int:pk>/complete/", mentorships.complete, name="complete"),
    path("mentorships/<int:pk>/end/", mentorships.end, name="end"),
    path("mentorships/<int:pk>/feedback/", mentorships.feedback, name="feedback"),
    path("programmes/<slug:slug>/", programmes.programme, name="programme"),
    path(
        "programmes/<slug:slug>/withdraw/", programmes.programme_withdraw, name="programme_withdraw"
    ),
    path("matches/<int:pk>/", programmes.match, name="match"),
]
