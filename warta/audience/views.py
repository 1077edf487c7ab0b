from django.http import HttpResponse


def beacon(request):
    return HttpResponse(status=204)
