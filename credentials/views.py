"""A member's credentials, the public verification page of each, its downloads, the check of
a pasted or uploaded credential, and what the network publishes for verifiers (issuer profile,
public keys, status lists, achievements)."""

import base64
import json
import mimetypes
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import condition, require_POST, require_safe

from credentials import urls_abs
from credentials.certificate import certificate_pdf
from credentials.forms import VerifyForm
from credentials.keys import public_jwks
from credentials.models import Achievement, Credential
from credentials.services import credential_show
from credentials.signing import PURPOSES, achievement_document, issuer_profile
from credentials.status import signed_status_list
from credentials.verification import check, token_from_text


def _credential(public_id) -> Credential:
    """A credential by its unguessable id: public by that id (DESIGN §4)."""
    return get_object_or_404(
        Credential.objects.select_related("achievement", "member").exclude(jwt=""),
        public_id=public_id,
    )


def _attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def linkedin_url(credential: Credential) -> str:
    """LinkedIn's "Add licence or certification" form, filled in."""
    issued = credential.issued_at
    return "https://www.linkedin.com/profile/add?" + urlencode(
        {
            "startTask": "CERTIFICATION_NAME",
            "name": credential.achievement.name,
            "organizationName": settings.SITE_NAME,
            "issueYear": issued.year,
            "issueMonth": issued.month,
            "certUrl": urls_abs.credential_id(credential.public_id),
            "certId": str(credential.public_id),
        }
    )


@login_required
@require_safe
@never_cache
def mine(request):
    if not request.user.is_member:
        raise Http404
    credentials = list(
        Credential.objects.of(request.user)
        .exclude(jwt="")
        .select_related("achievement")
        .prefetch_related("achievement__versions")
    )
    language = request.LANGUAGE_CODE
    rows = [
        {"credential": c, "texts": c.achievement.in_language(language), "state": c.state()}
        for c in credentials
    ]
    return render(request, "credentials/mine.html", {"rows": rows})


@require_safe
def detail(request, public_id):
    credential = _credential(public_id)
    holder = request.user.is_authenticated and request.user.pk == credential.member_id
    context = {
        "credential": credential,
        "texts": credential.achievement.in_language(request.LANGUAGE_CODE),
        "state": credential.state(timezone.now()),
        "holder": holder,
        "issuer": issuer_profile(),
        "linkedin_url": linkedin_url(credential) if holder else "",
    }
    return render(request, "credentials/detail.html", context)


@require_safe
def download(request, public_id):
    """The signed credential (VC-JWT), as wallets import it."""
    credential = _credential(public_id)
    response = HttpResponse(credential.jwt, content_type="application/vc+jwt")
    return _attachment(response, f"credential-{credential.public_id}.jwt")


@require_safe
def document(request, public_id):
    """The credential as JSON: what it says (the signed payload) with the signed form beside."""
    credential = _credential(public_id)
    payload = json.loads(base64.urlsafe_b64decode(credential.jwt.split(".")[1] + "=="))
    for claim in ("iss", "jti", "nbf", "exp"):
        payload.pop(claim, None)
    body = json.dumps({**payload, "jwt": credential.jwt}, indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json")
    return _attachment(response, f"credential-{credential.public_id}.json")


@require_safe
def pdf(request, public_id):
    credential = _credential(public_id)
    response = HttpResponse(certificate_pdf(credential), content_type="application/pdf")
    return _attachment(response, f"certificate-{credential.public_id}.pdf")


@login_required
@require_POST
def show(request, public_id):
    credential = _credential(public_id)
    if credential.member_id != request.user.pk:
        raise Http404
    shown = request.POST.get("shown") == "1"
    credential_show(credential=credential, member=request.user, shown=shown)
    messages.success(
        request,
        _("It shows on your profile.") if shown else _("It no longer shows on your profile."),
    )
    return redirect(credential.get_absolute_url())


def verify(request):
    """Anyone checks a credential file, on the server, with the keys the site publishes."""
    verdict = None
    form = VerifyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        verdict = check(token_from_text(form.cleaned_data["token"]))
    context = {"form": form, "verdict": verdict}
    if verdict and verdict.credential:
        context["texts"] = verdict.credential.achievement.in_language(request.LANGUAGE_CODE)
    return render(request, "credentials/verify.html", context)


@require_safe
def issuer(request):
    profile = {"@context": ["https://www.w3.org/ns/credentials/v2",
                            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
               **issuer_profile()}  # fmt: skip
    return JsonResponse(profile, json_dumps_params={"indent": 2})


@require_safe
def jwks(request):
    return JsonResponse(public_jwks(), json_dumps_params={"indent": 2})


@require_safe
def status_list(request, purpose):
    if purpose not in PURPOSES:
        raise Http404
    response = HttpResponse(signed_status_list(purpose), content_type="application/vc+jwt")
    response["Cache-Control"] = "max-age=60"
    return response


@require_safe
def achievement(request, slug):
    found = get_object_or_404(Achievement, slug=slug)
    document = {"@context": ["https://www.w3.org/ns/credentials/v2",
                             "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                **achievement_document(found)}  # fmt: skip
    return JsonResponse(document, json_dumps_params={"indent": 2})


def _image_etag(request, slug):
    # The stored name changes with every upload (the storage never overwrites a name).
    name = Achievement.objects.filter(slug=slug).values_list("image", flat=True).first()
    return f'"{name}"' if name else None


@require_safe
@condition(etag_func=_image_etag)
def achievement_image(request, slug):
    """The achievement's image, public like the achievement: wallets and verifiers fetch it
    from the address the credential names, without an account."""
    found = get_object_or_404(Achievement.objects.exclude(image=""), slug=slug)
    content_type = mimetypes.guess_type(found.image.name)[0]
    if content_type not in ("image/png", "image/jpeg", "image/gif", "image/webp"):
        raise Http404
    response = FileResponse(found.image.open("rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response
