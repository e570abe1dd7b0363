"""Serves a GGUF model over llama.cpp's OpenAI-compatible HTTP API on 127.0.0.1.

Usage: serve.py MODEL.gguf PORT. Runs until its stdin closes or it is killed, so a test that
starts it and dies takes the server with it.
"""

import sys

import xllamacpp


def main() -> None:
    model, port = sys.argv[1], int(sys.argv[2])
    params = xllamacpp.CommonParams()
    params.model.path = model
    params.port = port
    params.n_ctx = 4096
    params.cpuparams.n_threads = 2
    server = xllamacpp.Server(params)
    print(f"serving {model} on 127.0.0.1:{port}", flush=True)
    sys.stdin.read()
    del server


if __name__ == "__main__":
    main()
