from django.urls import path

from credentials import views

app_name = "credentials"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("verify/", views.verify, name="verify"),
    path("issuer/", views.issuer, name="issuer"),
    path("jwks.json", views.jwks, name="jwks"),
    path("status/<str:purpose>/", views.status_list, name="status_list"),
    path("achievements/<slug:slug>/", views.achievement, name="achievement"),
    path("achievements/<slug:slug>/image", views.achievement_image, name="achievement_image"),
    path("<uuid:public_id>/", views.detail, name="detail"),
    path("<uuid:public_id>/credential.jwt", views.download, name="download"),
    path("<uuid:public_id>/credential.json", views.document, name="document"),
    path("<uuid:public_id>/certificate.pdf", views.pdf, name="pdf"),
    path("<uuid:public_id>/show/", views.show, name="show"),
]
