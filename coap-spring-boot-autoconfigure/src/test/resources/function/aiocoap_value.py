"""Observe a value resource with aiocoap, revalidate it by its ETag, and follow it until it is removed.

Usage: aiocoap_value.py URI COUNT SECONDS

Prints "response CODE ETAG PAYLOAD" for the registration response and "notification CODE ETAG PAYLOAD" for
each notification (ETAG in hex, "-" for none). After COUNT notifications it sends a GET with the last ETag and
prints "revalidated CODE", then keeps observing until the server ends the observation ("ended CODE" for a final
error response, "ended EXCEPTION" otherwise) or SECONDS passed ("timeout"). Run with the system Python, where
aiocoap (Debian python3-aiocoap) is.
"""

import asyncio
import sys

from aiocoap import GET, Context, Message
from aiocoap.error import ResponseWrappingError


def line(kind, message):
    etag = message.opt.etag
    payload = message.payload.decode("utf-8", "replace")
    print(kind, message.code, "-" if etag is None else etag.hex(), payload, flush=True)


async def follow(uri, count):
    context = await Context.create_client_context()
    try:
        request = context.request(Message(code=GET, uri=uri, observe=0))
        response = await request.response
        line("response", response)
        etag = response.opt.etag
        received = 0
        try:
            async for notification in request.observation:
                line("notification", notification)
                etag = notification.opt.etag
                received += 1
                if received == count:
                    revalidation = await context.request(Message(code=GET, uri=uri, etag=etag)).response
                    print("revalidated", revalidation.code, flush=True)
            print("ended", flush=True)
        except ResponseWrappingError as ex:
            print("ended", ex.coapmessage.code, flush=True)
        except Exception as ex:
            print("ended", type(ex).__name__, ex, flush=True)
    finally:
        await context.shutdown()


def main():
    uri, count, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    try:
        asyncio.run(asyncio.wait_for(follow(uri, count), seconds))
    except asyncio.TimeoutError:
        print("timeout", flush=True)


if __name__ == "__main__":
    main()
