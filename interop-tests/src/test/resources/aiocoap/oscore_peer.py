"""An aiocoap peer speaking OSCORE (RFC 8613), for the interoperability suite.

Usage:
  /usr/bin/python3 oscore_peer.py client CONTEXT_DIR URI_PATTERN
  /usr/bin/python3 oscore_peer.py server CONTEXT_DIR PORT

CONTEXT_DIR is an aiocoap security context directory (settings.json); it must be a fresh copy for every run,
since aiocoap persists its sequence numbers there. The client protects every request whose URI matches
URI_PATTERN (such as coap://127.0.0.1:5683/*), takes one JSON command per line on its standard input and answers
each with one JSON line:
  {"op": "request", "method": "GET"|"POST", "uri": ..., "payload": ...} -> {"code": "2.05", "payload": ...}
  {"op": "observe", "uri": ..., "count": N} -> {"code": ..., "values": [first N payloads]}
The server binds 127.0.0.1:PORT, serves /hello (GET), /echo (POST) and /obs (observable, changes every 200 ms),
all only over OSCORE, and reads no commands except "quit".
Both print one JSON line when ready. aiocoap imports the optional EDHOC module 'lakers': put a stub on PYTHONPATH.
"""

import asyncio
import json
import sys

import aiocoap.meta
import aiocoap.resource as resource
from aiocoap import CHANGED, CONTENT, GET, POST, Context, Message
from aiocoap import credentials


def emit(value):
    sys.stdout.write(json.dumps(value) + "\n")
    sys.stdout.flush()


async def read_line():
    return await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)


async def client(context_dir, pattern):
    ctx = await Context.create_client_context(transports=["oscore", "udp6"])
    ctx.client_credentials.load_from_dict({pattern: {"oscore": {"contextfile": context_dir}}})
    emit({"ready": True, "version": aiocoap.meta.version})
    while True:
        line = await read_line()
        if not line:
            break
        command = json.loads(line)
        op = command.get("op")
        if op == "quit":
            break
        try:
            if op == "request":
                method = GET if command["method"] == "GET" else POST
                payload = command.get("payload", "").encode("utf-8")
                message = Message(code=method, uri=command["uri"], payload=payload)
                if payload:
                    message.opt.content_format = 0
                response = await asyncio.wait_for(ctx.request(message).response, 20)
                emit({"code": str(response.code.dotted), "payload": response.payload.decode("utf-8", "replace")})
            elif op == "observe":
                request = ctx.request(Message(code=GET, uri=command["uri"], observe=0))
                first = await asyncio.wait_for(request.response, 20)
                values = [first.payload.decode("utf-8", "replace")]
                observation = request.observation.__aiter__()
                while len(values) < command["count"]:
                    notification = await asyncio.wait_for(observation.__anext__(), 20)
                    values.append(notification.payload.decode("utf-8", "replace"))
                request.observation.cancel()
                emit({"code": str(first.code.dotted), "values": values})
            else:
                emit({"error": "unknown op " + str(op)})
        except Exception as ex:  # answer the command rather than end the script
            emit({"error": type(ex).__name__ + ": " + str(ex)})
    await ctx.shutdown()


def protection(request):
    """Whether the request came through an OSCORE security context (OscoreSiteWrapper passes others on too)."""
    return b" over OSCORE" if type(request.remote).__name__ == "OSCOREAddress" else b" without OSCORE"


class Hello(resource.Resource):

    async def render_get(self, request):
        return Message(code=CONTENT, payload=b"hello from aiocoap" + protection(request), content_format=0)


class Echo(resource.Resource):

    async def render_post(self, request):
        return Message(code=CHANGED, payload=b"echo " + request.payload + protection(request), content_format=0)


class Counter(resource.ObservableResource):

    def __init__(self):
        super().__init__()
        self.count = 0
        self.ticker = None

    def update_observation_count(self, count):
        if count and self.ticker is None:
            self.ticker = asyncio.get_running_loop().create_task(self.tick())
        elif not count and self.ticker is not None:
            self.ticker.cancel()
            self.ticker = None

    async def tick(self):
        while True:
            await asyncio.sleep(0.2)
            self.count += 1
            self.updated_state()

    async def render_get(self, request):
        return Message(code=CONTENT, payload=str(self.count).encode("ascii"), content_format=0)


async def server(context_dir, port):
    from aiocoap.oscore_sitewrapper import OscoreSiteWrapper

    root = resource.Site()
    root.add_resource(["hello"], Hello())
    root.add_resource(["echo"], Echo())
    root.add_resource(["obs"], Counter())
    server_credentials = credentials.CredentialsMap()
    server_credentials.load_from_dict({":peer": {"oscore": {"contextfile": context_dir}}})
    site = OscoreSiteWrapper(root, server_credentials)
    ctx = await Context.create_server_context(site, bind=("127.0.0.1", port), transports=["udp6"])
    emit({"ready": True, "version": aiocoap.meta.version})
    while True:
        line = await read_line()
        if not line or json.loads(line).get("op") == "quit":
            break
    await ctx.shutdown()


def main():
    mode, context_dir, argument = sys.argv[1], sys.argv[2], sys.argv[3]
    if mode == "client":
        asyncio.run(client(context_dir, argument))
    else:
        asyncio.run(server(context_dir, int(argument)))


if __name__ == "__main__":
    main()
