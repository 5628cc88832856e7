from django.urls import path

from resources.views import contributing, curating, downloads, library

app_name = "resources"

urlpatterns = [
    path("", library.library, name="library"),
    path("contribute/", contributing.contribute, name="contribute"),
    path("mine/", contributing.mine, name="mine"),
    path("collections/", library.collection_list, name="collections"),
    path("collections/new/", curating.collection_new, name="collection_new"),
    path("collections/<slug:slug>/", library.collection_detail, name="collection"),
    path("collections/<slug:slug>/edit/", curating.collection_edit, name="collection_edit"),
    path(
        "collections/<slug:slug>/items/", curating.collection_item_add, name="collection_item_add"
    ),
    path(
        "collections/<slug:slug>/items/<int:pk>/",
        curating.collection_item,
        name="collection_item",
    ),
    path("collections/<slug:slug>/embed/", library.collection_embed, name="collection_embed"),
    path(
        "collections/<slug:slug>.<str:fmt>",
        library.collection_export,
        name="collection_export",
    ),
    path("<slug:slug>/", library.detail, name="detail"),
    path("<slug:slug>/download/", downloads.download, name="download"),
    path("<slug:slug>/useful/", contributing.useful, name="useful"),
]
