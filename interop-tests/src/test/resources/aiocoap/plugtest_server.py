"""A small CoAP server on aiocoap, for the interoperability suite to test CoapTemplate against.

Usage: /usr/bin/python3 plugtest_server.py PORT. Binds 127.0.0.1:PORT and prints one JSON line when it serves.
Resources: /test (GET, text), /store (GET and PUT of any size, block-wise both ways), /obs (observable, a
counter that changes every 300 ms while observed), /.well-known/core.
"""

import asyncio
import json
import sys

import aiocoap.meta
import aiocoap.resource as resource
from aiocoap import CHANGED, CONTENT, Context, Message


class Text(resource.Resource):

    def __init__(self, text):
        super().__init__()
        self.text = text
        self.rt = "text"
        self.ct = 0

    async def render_get(self, request):
        return Message(code=CONTENT, payload=self.text.encode("utf-8"), content_format=0)


class Store(resource.Resource):

    def __init__(self):
        super().__init__()
        self.payload = b"nothing stored yet"
        self.content_format = 0

    async def render_get(self, request):
        return Message(code=CONTENT, payload=self.payload, content_format=self.content_format)

    async def render_put(self, request):
        self.payload = request.payload
        self.content_format = request.opt.content_format if request.opt.content_format is not None else 0
        return Message(code=CHANGED)


class Counter(resource.ObservableResource):

    def __init__(self):
        super().__init__()
        self.count = 0
        self.rt = "counter"
        self.ticker = None

    def update_observation_count(self, count):
        if count and self.ticker is None:
            self.ticker = asyncio.get_running_loop().create_task(self.tick())
        elif not count and self.ticker is not None:
            self.ticker.cancel()
            self.ticker = None

    async def tick(self):
        while True:
            await asyncio.sleep(0.3)
            self.count += 1
            self.updated_state()

    async def render_get(self, request):
        return Message(code=CONTENT, payload=("count %d" % self.count).encode("utf-8"), content_format=0)


async def main(port):
    root = resource.Site()
    root.add_resource([".well-known", "core"], resource.WKCResource(root.get_resources_as_linkheader))
    root.add_resource(["test"], Text("aiocoap test resource"))
    root.add_resource(["store"], Store())
    root.add_resource(["obs"], Counter())
    context = await Context.create_server_context(root, bind=("127.0.0.1", port))
    print(json.dumps({"ready": True, "version": aiocoap.meta.version}), flush=True)
    try:
        await asyncio.get_running_loop().create_future()
    finally:
        await context.shutdown()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
