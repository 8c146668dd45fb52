"""Plugtest client on aiocoap, driven by the interoperability suite.

Reads one JSON command per line on standard input and answers each with one JSON line on standard output:
what aiocoap shows of the response (code, options, payload), or "unsupported" when aiocoap's API cannot
express the request. "start" begins a new client (a fresh context, socket, tokens and observations), so that
one process serves every test case. Run it with the system Python (/usr/bin/python3), which has aiocoap.
"""

import asyncio
import json
import sys
import warnings

import aiocoap.meta
from aiocoap import CON, NON, Code, Context, Message
from aiocoap.optiontypes import BlockOption

warnings.simplefilter("ignore", DeprecationWarning)


def describe(response):
    """What the client displays of a response."""
    options = response.opt
    return {
        "code": response.code.dotted,
        "type": response.mtype.name if response.mtype is not None else None,
        "token": response.token.hex(),
        "contentFormat": int(options.content_format) if options.content_format is not None else None,
        "payloadHex": response.payload.hex(),
        "etag": options.etag.hex() if options.etag is not None else None,
        "locationPath": list(options.location_path),
        "locationQuery": list(options.location_query),
        "observe": options.observe,
        "maxAge": options.max_age,
    }


def message(command):
    """Build the request a command describes, or raise ValueError naming what aiocoap cannot express."""
    if command.get("token") is not None:
        raise ValueError("aiocoap's token manager assigns every request a token of its own")
    request = Message(code=Code[command["method"]], mtype=NON if command.get("nonConfirmable") else CON,
                      uri=command["uri"])
    if command.get("accept") is not None:
        request.opt.accept = command["accept"]
    if command.get("contentFormat") is not None:
        request.opt.content_format = command["contentFormat"]
    if command.get("etags"):
        request.opt.etags = [bytes.fromhex(etag) for etag in command["etags"]]
    if command.get("ifMatch"):
        request.opt.if_match = [bytes.fromhex(etag) for etag in command["ifMatch"]]
    if command.get("ifNoneMatch"):
        request.opt.if_none_match = True
    if command.get("block2Size") is not None:
        request.opt.block2 = BlockOption.BlockwiseTuple(0, False, size_exponent(command["block2Size"]))
    if command.get("block1Size") is not None:
        request.opt.block1 = BlockOption.BlockwiseTuple(0, False, size_exponent(command["block1Size"]))
    if command.get("observe") is not None:
        request.opt.observe = command["observe"]
    request.payload = bytes.fromhex(command.get("payloadHex") or "")
    return request


def size_exponent(size):
    return size.bit_length() - 5


class Observation:
    """The notifications of one observation, in the order they arrived."""

    def __init__(self, request):
        self.request = request
        self.notifications = asyncio.Queue()
        request.observation.register_callback(lambda response: self.notifications.put_nowait(describe(response)))
        request.observation.register_errback(self.ended)

    def ended(self, error):
        # an error response ends the observation; aiocoap wraps it in the exception
        response = getattr(error, "coapmessage", None)
        self.notifications.put_nowait(describe(response) if response is not None else {"ended": repr(error)})


async def handle(context, observations, command):
    operation = command["op"]
    if operation == "request":
        try:
            request = message(command)
        except ValueError as ex:
            return {"unsupported": str(ex)}
        response = await asyncio.wait_for(context.request(request).response, command.get("timeout", 20))
        return describe(response)
    if operation == "observe":
        try:
            request = message(dict(command, observe=0))
        except ValueError as ex:
            return {"unsupported": str(ex)}
        pending = context.request(request)
        first = await asyncio.wait_for(pending.response, command.get("timeout", 20))
        observations[command["id"]] = Observation(pending)
        return describe(first)
    if operation == "next":
        observation = observations[command["id"]]
        try:
            return await asyncio.wait_for(observation.notifications.get(), command.get("timeout", 10))
        except asyncio.TimeoutError:
            return {"timeout": True}
    if operation in ("cancel", "forget"):
        # aiocoap stops delivering and forgets the token: it answers the next notification with RST
        observation = observations.pop(command["id"])
        if not observation.request.observation.cancelled:
            observation.request.observation.cancel()
        return {"cancelled": True}
    if operation == "ping":
        return {"unsupported": "aiocoap has no API to send a CoAP ping (an empty CON message)"}
    return {"error": "unknown operation " + operation}


async def main():
    context = None
    observations = {}
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    print(json.dumps({"ready": True, "version": aiocoap.meta.version}), flush=True)
    while True:
        line = await reader.readline()
        if not line or not line.strip():
            break
        command = json.loads(line)
        if command["op"] == "quit":
            break
        try:
            if command["op"] == "start":
                # a new client for each test case: a fresh socket, message IDs, tokens and observations
                if context is not None:
                    await context.shutdown()
                observations.clear()
                context = await Context.create_client_context()
                result = {"started": True}
            else:
                result = await handle(context, observations, command)
        except Exception as ex:  # reported to the suite, which judges it
            result = {"error": "%s: %s" % (type(ex).__name__, ex)}
        print(json.dumps(result), flush=True)
    if context is not None:
        await context.shutdown()


if __name__ == "__main__":
    asyncio.run(main())
