#!/usr/bin/env python3
"""A TCP forwarder that can cut the line: stands between one instance and PostgreSQL in the two-instance
check, so a test can take the database away from that instance alone.

    python3 bench/tcp-proxy.py LISTEN_PORT TARGET_PORT     (both on 127.0.0.1)
    kill -USR1 <pid>   cut: close every connection and refuse new ones
    kill -USR2 <pid>   restore
"""
import asyncio
import signal
import sys


async def main(listen_port, target_port):
    connections = set()
    state = {"server": None}

    async def pipe(reader, writer):
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def handle(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target_port)
        except OSError:
            client_writer.close()
            return
        tasks = {asyncio.ensure_future(pipe(client_reader, server_writer)),
                 asyncio.ensure_future(pipe(server_reader, client_writer))}
        connections.update(tasks)
        try:
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            pass
        for task in tasks:
            task.cancel()
            connections.discard(task)

    async def listen():
        state["server"] = await asyncio.start_server(handle, "127.0.0.1", listen_port, reuse_address=True)

    def cut():
        if state["server"] is not None:
            state["server"].close()
            state["server"] = None
        for task in list(connections):
            task.cancel()

    def restore():
        if state["server"] is None:
            asyncio.ensure_future(listen())

    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGUSR1, cut)
    loop.add_signal_handler(signal.SIGUSR2, restore)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    await listen()
    await stop.wait()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
