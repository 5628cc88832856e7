from django.urls import path

from events.views import attending, clinics, detail, feeds, guests, hosting, listing

app_name = "events"

urlpatterns = [
    path("", listing.listing, name="listing"),
    path("calendar/", feeds.my_calendar, name="my_calendar"),
    path("calendar/revoke/", feeds.revoke, name="calendar_revoke"),
    path("calendar/<str:token>.ics", feeds.personal_feed, name="feed"),
    path("<slug:slug>/", detail.detail, name="detail"),
    path("<slug:slug>/calendar.ics", detail.calendar_file, name="calendar"),
    path("<slug:slug>/register/", attending.register, name="register"),
    path("<slug:slug>/cancel/", attending.cancel, name="cancel"),
    path("<slug:slug>/guests/", guests.register, name="guest_register"),
    path("<slug:slug>/guests/<str:token>/", guests.guest, name="guest"),
    path(
        "<slug:slug>/guests/<str:token>/calendar.ics", guests.guest_calendar, name="guest_calendar"
    ),
    path("<slug:slug>/reminders/", attending.reminders, name="reminders"),
    path("<slug:slug>/invitation/", attending.invitation, name="invitation"),
    path("<slug:slug>/feedback/", attending.feedback, name="feedback"),
    path("<slug:slug>/invite/", hosting.invite, name="invite"),
    path("<slug:slug>/attendance/", hosting.attendance, name="attendance"),
    path("<slug:slug>/slots/", clinics.slot_create, name="slot_create"),
    path("<slug:slug>/slots/<int:pk>/delete/", clinics.slot_delete, name="slot_delete"),
    path("<slug:slug>/slots/<int:pk>/book/", clinics.book, name="book"),
    path("<slug:slug>/bookings/<int:pk>/", clinics.booking, name="booking"),
    path("<slug:slug>/bookings/<int:pk>/cancel/", clinics.booking_cancel, name="booking_cancel"),
]
