"""Open many CoAP over TCP connections that send their CSM and then stay idle.

Usage: idle_connections.py HOST PORT COUNT
Prints "connected N" once every connection got the server's CSM (connections beyond the server's limit get an
Abort after it and are closed by the server). Then waits for a line on standard input before closing them all.
"""
import socket
import sys


def read_exactly(s, n):
    data = b""
    while len(data) < n:
        chunk = s.recv(n - len(data))
        if not chunk:
            break
        data += chunk
    return data


def main():
    host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    sockets = []
    for _ in range(count):
        s = socket.create_connection((host, port), timeout=10)
        s.sendall(b"\x00\xe1")
        sockets.append(s)
    for s in sockets:
        # the server's CSM: Max-Message-Size 1152 and Block-Wise-Transfer, 6 bytes
        read_exactly(s, 6)
    print("connected %d" % count, flush=True)
    sys.stdin.readline()
    for s in sockets:
        s.close()


if __name__ == "__main__":
    main()
