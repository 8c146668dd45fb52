"""Open many CoAP over WebSockets connections that send their CSM and then stay idle.

Usage: idle_websockets.py URI COUNT
Prints "connected N" once every connection got the server's first message (its CSM; connections beyond the
server's limit get an Abort after it and are closed by the server). Then waits for a line on standard input
before closing them all. Needs Debian's python3-websockets.
"""
import asyncio
import sys

import websockets


async def open_one(uri):
    ws = await websockets.connect(uri, subprotocols=["coap"], ping_interval=None, close_timeout=1)
    try:
        await ws.send(b"\x00\xe1")
        await asyncio.wait_for(ws.recv(), 10)
    except Exception:
        pass
    return ws


async def main():
    uri, count = sys.argv[1], int(sys.argv[2])
    connections = []
    for _ in range(count):
        connections.append(await open_one(uri))
    print("connected %d" % count, flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    for ws in connections:
        ws.transport.abort()


asyncio.run(main())
