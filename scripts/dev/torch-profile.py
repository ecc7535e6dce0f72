#!/usr/bin/python3
"""The PyTorch side of the per-op training profile: the peer's network of SHAPE (imported from
../shared/tools/peer-bench/torch_peer.py, so both sides train exactly the networks the peer
defines), a few warm-up steps, then STEPS training steps under torch.profiler; prints the time per
step of each op type, forward and backward together, largest first, in the layout of
`dae-sweep bench --profile`. Compare with `scripts/run-local.sh bench --shape SHAPE --profile`.
  /usr/bin/python3 scripts/dev/torch-profile.py SHAPE [STEPS] [THREADS] [OPS]
"""
import os
import sys

import torch
from torch.profiler import ProfilerActivity, profile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../../shared/tools/peer-bench"))
import torch_peer  # noqa: E402


def main():
    shape = sys.argv[1]
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    shown = int(sys.argv[4]) if len(sys.argv) > 4 else 25
    torch.set_num_threads(threads)
    torch.set_flush_denormal(True)
    torch.manual_seed(0)
    build, lossf, side, batch, _, _ = torch_peer.SHAPES[shape]
    model = build()
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    loss = lossf()
    clean = torch.rand(batch, 1, side, side)
    noisy = (clean + 0.1 * torch.randn_like(clean)).clamp(0, 1)

    def step():
        opt.zero_grad()
        loss(model(noisy), clean).backward()
        opt.step()

    for _ in range(5):
        step()
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        for _ in range(steps):
            step()
    # Self time per op: a composite op (conv2d -> convolution -> mkldnn_convolution) counts once.
    rows = sorted(((e.key, e.self_cpu_time_total / steps / 1000.0, e.count / steps)
                   for e in prof.key_averages()), key=lambda r: -r[1])
    total = sum(r[1] for r in rows)
    print(f"op time per training step ({shape}, batch {batch}, {threads} threads, {steps} steps):")
    for name, ms, calls in rows[:shown]:
        print(f"  {name:40s} {ms:8.2f} ms {calls:6.1f} calls")
    rest = rows[shown:]
    print(f"  {'the other ' + str(len(rest)) + ' ops':40s} {sum(r[1] for r in rest):8.2f} ms")
    print(f"  {'all ops':40s} {total:8.2f} ms")


if __name__ == "__main__":
    main()
