"""URL patterns of the AppStream endpoints."""

from .responses import AppStreamResponse

# boto3 calls the endpoint prefix (appstream2); moto's server rebuilds the host
# from the signing name (appstream), so both must match.
url_bases = [r"https?://appstream2?(?:-fips)?\.(.+)\.amazonaws\.com"]

url_paths = {"{0}/$": AppStreamResponse.dispatch}
