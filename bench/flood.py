#!/usr/bin/env python3
"""Posts spam comments to one article at a steady rate until stopped, as a botnet would: the honeypot field filled,
each post from its own forwarded address and email (the bench trusts its X-Forwarded-For), so no rate limit turns
it away and every post is screened and stored as spam. One process on one kept-alive connection per worker, so the
client costs the machine little beside the app it floods (a shell loop spawning curl per comment used a good share
of the two cores and never reached the rate). Posts leave on schedule whatever the answers' latency: a slow answer
occupies one worker, not the schedule.

Usage: flood.py BASE_URL ARTICLE_SLUG RATE STATUS_FILE
Each answer's status code is appended to STATUS_FILE, one a line. Stops on SIGTERM or SIGINT.
"""
import http.client
import random
import re
import signal
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

TOKEN = re.compile(r'name="token" value="([^"]*)"')
# A kept article leaves the token empty and names where the page's script fetches one (comment.CommentFormSlot).
TOKEN_FROM = re.compile(r'name="token" value="" data-token-from="([^"]*)"')


def main():
    base, slug, rate, status_file = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
    url = urllib.parse.urlsplit(base)
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    signal.signal(signal.SIGINT, lambda *_: stopping.set())
    local = threading.local()
    written = threading.Lock()

    def send(n, statuses):
        try:
            if not hasattr(local, "connection"):
                local.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
                local.token = None
            if local.token is None or n % 50 == 0:
                local.token = fetch_token(local.connection, slug)
            status = post(local.connection, base, slug, local.token, n)
        except (OSError, http.client.HTTPException):
            local.connection.close()
            del local.connection
            status = "000"
        with written:
            statuses.write(f"{status}\n")

    interval = 1.0 / rate
    next_at = time.monotonic()
    sent = 0
    with open(status_file, "a", buffering=1) as statuses, ThreadPoolExecutor(max_workers=16) as workers:
        while not stopping.is_set():
            sent += 1
            workers.submit(send, sent, statuses)
            next_at += interval
            stopping.wait(max(0.0, next_at - time.monotonic()))
        workers.shutdown(wait=True, cancel_futures=True)


def fetch_token(connection, slug):
    """The article's form token, as a bot that runs the page's script gets it."""
    page = get(connection, f"/articles/{slug}")
    source = TOKEN_FROM.search(page)
    if source:
        page = get(connection, source.group(1).replace("&amp;", "&"))
    found = TOKEN.search(page)
    return found.group(1) if found else ""


def get(connection, path):
    connection.request("GET", path)
    return connection.getresponse().read().decode("utf-8", "replace")


# Where this run's senders start among the 16 million addresses of 10.0.0.0/8: a flood started again within the
# rate-limit window must not reuse the addresses (and emails) the last one counted against.
FIRST_SENDER = random.randrange(1 << 24)


def post(connection, base, slug, token, n):
    sender = (FIRST_SENDER + n) % (1 << 24)
    body = urllib.parse.urlencode({
        "token": token, "name": f"Bot {sender}", "email": f"bot{sender}@spam.example", "website": "",
        "body": "Cheap pills, visit now", "fax": "555-0100"})
    connection.request("POST", f"/articles/{slug}/comments", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Origin": base,
        "X-Forwarded-For": f"10.{sender // 65536 % 256}.{sender // 256 % 256}.{sender % 256}"})
    response = connection.getresponse()
    response.read()
    return response.status


if __name__ == "__main__":
    main()
