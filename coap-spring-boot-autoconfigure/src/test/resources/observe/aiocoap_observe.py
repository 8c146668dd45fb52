"""Observe a CoAP resource with aiocoap and print every notification, one per line.

Usage: aiocoap_observe.py URI COUNT SECONDS

Prints "response CODE OBSERVE PAYLOAD" for the response to the registration, then
"notification CODE OBSERVE PAYLOAD" for each notification, until COUNT notifications
arrived (then the observation is cancelled, "cancelled", and the client lingers for a
few seconds, so that it can reset a notification that still comes), the server ended the
observation ("ended ..."), or SECONDS passed ("timeout"). OBSERVE is "-" for a response
without Observe option. Run with the system Python, where aiocoap (Debian
python3-aiocoap) is.
"""

import asyncio
import sys

from aiocoap import GET, Context, Message

LINGER_SECONDS = 3


def line(kind, message):
    observe = message.opt.observe
    payload = message.payload.decode("utf-8", "replace")
    print(kind, message.code, "-" if observe is None else observe, payload, flush=True)


async def observe(uri, count):
    context = await Context.create_client_context()
    try:
        request = context.request(Message(code=GET, uri=uri, observe=0))
        line("response", await request.response)
        if request.observation is None:
            print("ended not observed", flush=True)
            return
        received = 0
        try:
            async for notification in request.observation:
                line("notification", notification)
                received += 1
                if received >= count:
                    request.observation.cancel()
                    print("cancelled", flush=True)
                    await asyncio.sleep(LINGER_SECONDS)
                    return
            print("ended", flush=True)
        except Exception as ex:  # the server ended the observation (an error, or a final response)
            print("ended", type(ex).__name__, ex, flush=True)
    finally:
        await context.shutdown()


def main():
    uri, count, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    try:
        asyncio.run(asyncio.wait_for(observe(uri, count), seconds))
    except asyncio.TimeoutError:
        print("timeout", flush=True)


if __name__ == "__main__":
    main()
