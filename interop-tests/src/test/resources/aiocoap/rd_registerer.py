"""Drives aiocoap's Resource Directory client against the RD under test, printing one JSON line per step.

aiocoap's own Registerer (aiocoap.resourcedirectory.client.register) discovers the registration interface
through /.well-known/core?rt=core.rd, registers the links of this small site, renews the registration and
removes it on shutdown; the site then does a simple registration (POST /.well-known/rd) from the same socket and
looks both up. Usage: rd_registerer.py coap://127.0.0.1:PORT LIFETIME
"""

import asyncio
import json
import sys

import aiocoap
from aiocoap import Context, Message, GET, POST
from aiocoap.resource import Resource, Site, WKCResource
from aiocoap.resourcedirectory.client.register import Registerer


class Temperature(Resource):
    rt = "temperature-c"
    ct = 0

    async def render_get(self, request):
        return Message(payload=b"21.5", content_format=0)


def emit(**values):
    print(json.dumps(values), flush=True)


async def wait_for_state(registerer, states, seconds):
    for _ in range(int(seconds * 10)):
        if registerer.state in states:
            return registerer.state
        await asyncio.sleep(0.1)
    return registerer.state


async def get(context, uri):
    response = await context.request(Message(code=GET, uri=uri)).response
    return {"code": str(response.code), "payload": response.payload.decode("utf8")}


async def main(rd, lifetime):
    site = Site()
    site.add_resource([".well-known", "core"], WKCResource(site.get_resources_as_linkheader))
    site.add_resource(["sensors", "temp"], Temperature())
    context = await Context.create_server_context(site, bind=("127.0.0.1", 0))
    try:
        registerer = Registerer(context, rd=rd, lt=lifetime, registration_parameters={"ep": "aiocoap-node"})
        state = await wait_for_state(registerer, ("registered", "failed"), 10)
        emit(step="registered", state=state, version=aiocoap.meta.version)
        emit(step="resource-lookup", **await get(context, rd + "/rd-lookup/res?ep=aiocoap-node"))
        emit(step="endpoint-lookup", **await get(context, rd + "/rd-lookup/ep?ep=aiocoap-node"))
        # the Registerer renews after three quarters of the lifetime
        await wait_for_state(registerer, ("renewing",), lifetime)
        state = await wait_for_state(registerer, ("registered", "failed"), 10)
        emit(step="renewed", state=state)
        simple = await context.request(
            Message(code=POST, uri=rd + "/.well-known/rd?ep=aiocoap-simple&lt=120")).response
        emit(step="simple-registration", code=str(simple.code))
        emit(step="simple-lookup", **await get(context, rd + "/rd-lookup/res?ep=aiocoap-simple"))
        await registerer.shutdown()
        emit(step="removed")
        emit(step="lookup-after-removal", **await get(context, rd + "/rd-lookup/ep?ep=aiocoap-node"))
    finally:
        await context.shutdown()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
