"""Everyday use without surprises: what the entry points do on their own (a private directory for
DeepSpeed's compiled op, saying when it compiles), how an interrupted job ends, and what a job leaves on
disk."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from dist_mmfuse.distributed import SHM_OP, WorldInfo, announce_cpu_op_build, extensions_dir


def test_deepspeeds_op_compiles_into_a_directory_private_to_the_environment_and_says_so(monkeypatch, tmp_path,
                                                                                            capsys):
    """Without TORCH_EXTENSIONS_DIR the entry points (through init_process_group) use the Python
    environment's own directory, not torch's shared ~/.cache one, and export it to what they start; a set
    one is kept. Before a build, local rank 0 says it compiles, and where; once the op is there, nothing."""
    monkeypatch.delenv("TORCH_EXTENSIONS_DIR", raising=False)
    private = extensions_dir()
    assert private == Path(sys.prefix) / "torch_extensions" and os.environ["TORCH_EXTENSIONS_DIR"] == str(private)
    monkeypatch.setenv("TORCH_EXTENSIONS_DIR", str(tmp_path))
    assert extensions_dir() == tmp_path
    announce_cpu_op_build(WorldInfo(rank=1, world_size=2, local_rank=1, launcher="torch"))
    assert capsys.readouterr().out == ""
    announce_cpu_op_build(WorldInfo(rank=0, world_size=2, local_rank=0, launcher="torch"))
    assert f"compiling DeepSpeed's CPU communication op into {tmp_path / SHM_OP}" in capsys.readouterr().out
    (tmp_path / SHM_OP).mkdir()
    (tmp_path / SHM_OP / f"{SHM_OP}.so").write_bytes(b"")
    announce_cpu_op_build(WorldInfo(rank=0, world_size=2, local_rank=0, launcher="torch"))
    assert capsys.readouterr().out == ""


def _interrupt_when_checkpointed(command: list[str], run: Path, log: Path, cwd: Path) -> tuple[int, str]:
    """Start ``command`` in a session of its own, send SIGINT to all of it (what Ctrl-C in a terminal
    does: the launcher and every rank at once) once the run has a mid-epoch checkpoint; its exit code and
    output."""
    import signal
    import subprocess
    import time

    from .conftest import train_env

    with open(log, "w") as out:
        job = subprocess.Popen(command, env=train_env(), stdout=out, stderr=subprocess.STDOUT, cwd=cwd,
                               start_new_session=True)
        deadline = time.monotonic() + 600
        while not any((run / "checkpoints").glob("step*/config.yaml")):
            assert job.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.5)
        os.killpg(job.pid, signal.SIGINT)
        code = job.wait(timeout=120)
    return code, log.read_text()


def _tracebacks(output: str) -> list[str]:
    """Each traceback in the output, from its header to its exception line (a rank's lines carry a
    "[rankN]: " prefix)."""
    lines = [re.sub(r"^\[rank\d+\]: ", "", line) for line in output.splitlines()]
    blocks = []
    for start, line in enumerate(lines):
        if line.startswith("Traceback (most recent call last):"):
            end = start + 1
            while end < len(lines) and lines[end].startswith((" ", "\t")):
                end += 1
            blocks.append("\n".join(lines[start:end + 1]))
    return blocks


@pytest.mark.slow
@pytest.mark.parametrize("ranks", [1, 2])
def test_ctrl_c_ends_training_with_one_line_that_resumes(small_shards, tmp_path, ranks):
    """Ctrl-C mid-epoch: no traceback from any rank, one line saying where it stopped, the latest
    checkpoint and the command that resumes it; exit code 130 for a single process (under the deepspeed
    command, DeepSpeed's: 130, as its runner dies of the signal, or 1, its launcher's). The command printed,
    run as it is, finishes the run."""
    import shlex
    import signal
    import subprocess

    from dist_mmfuse.distributed import free_port

    from .conftest import REPO, train_env, write_train_config

    run = tmp_path / "run"
    config = write_train_config(tmp_path / "c.yaml", small_shards, run, objective="late_fusion", extra={"trainer": {
        "epochs": 30, "checkpoint_every_steps": 2}})
    script = ["launch/train.py", "--config", str(config)]
    command = ([sys.executable, *script] if ranks == 1 else
               [str(Path(sys.executable).parent / "deepspeed"), "--num_gpus", "2", "--master_port", str(free_port()),
                *script])
    code, output = _interrupt_when_checkpointed(command, run, tmp_path / "out.log", REPO)
    # No rank prints a traceback. The `deepspeed` command's own runner installs no SIGINT handler and usually
    # prints its KeyboardInterrupt (waiting for its launcher) before it dies of the signal: DeepSpeed's, not a
    # rank's. Sometimes (seen in CI) its launcher's SIGINT handler, which stops the ranks and exits 1, ends
    # first: the runner then prints nothing and exits with that 1. Exactly one of those two, or for one
    # process none and 130.
    tracebacks = _tracebacks(output)
    assert all("deepspeed/launcher/runner.py" in block and "dist_mmfuse" not in block and "launch/train.py" not in block
               for block in tracebacks), output[-4000:]
    outcomes = {(0, 130), (0, -signal.SIGINT)} if ranks == 1 else {(1, 130), (1, -signal.SIGINT), (0, 1)}
    assert (len(tracebacks), code) in outcomes, (code, output[-4000:])
    lines = [line for line in output.splitlines() if line.startswith("interrupted (SIGINT)")]
    assert len(lines) == 1, output[-4000:]
    latest = (run / "checkpoints" / "latest").read_text().strip()
    assert " in epoch 1 of 30, at step " in lines[0] and f"latest checkpoint {run / 'checkpoints' / latest};" in lines[0]
    resume = lines[0].partition("resume with: ")[2]
    expected = "python launch/train.py" if ranks == 1 else "deepspeed --num_gpus 2 launch/train.py"
    assert resume.startswith(expected) and resume.endswith(f"--config {config} --resume auto"), resume
    # Resumed with trainer.epochs=1 (a resumable change): it ends after the interrupted first epoch.
    finish = shlex.split(resume) + ["trainer.epochs=1"]
    if ranks == 1:
        finish[0] = sys.executable
    else:
        finish[0] = str(Path(sys.executable).parent / "deepspeed")
        finish[1:1] = ["--master_port", str(free_port())]
    result = subprocess.run(finish, env=train_env(), capture_output=True, text=True, timeout=900, cwd=REPO)
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"resumed from {latest}" in result.stdout


def test_the_watchdog_counts_from_the_first_heartbeat_and_says_what_the_rank_was_doing():
    """Set-up (building the engine, loading a checkpoint) may take longer than the collective timeout on a
    loaded machine: the watchdog starts counting at the first heartbeat, and its message names the
    activity the rank was in."""
    import subprocess

    from .conftest import REPO, train_env

    script = (
        "import time\n"
        "from dist_mmfuse import distributed as dist\n"
        "dist.start_watchdog(0, 1.5)\n"
        "time.sleep(4)  # a slow set-up: no heartbeat yet, so no verdict\n"
        "print('survived set-up', flush=True)\n"
        "dist.heartbeat('training (epoch 1, stage main)')\n"
        "time.sleep(6)\n"
        "print('not reached', flush=True)\n")
    result = subprocess.run([sys.executable, "-c", script], env=train_env(), capture_output=True, text=True,
                            timeout=60, cwd=REPO)
    assert result.returncode == 1 and "survived set-up" in result.stdout and "not reached" not in result.stdout
    assert "error: rank 0: no progress for 2 s while training (epoch 1, stage main)" in result.stderr, result.stderr


def test_a_killed_study_attempt_still_counts_its_wall_time(tmp_path):
    """An attempt that Ctrl-C killed (its end never recorded) counts from its start to the run's last
    write; a finished attempt counts what it recorded; an earlier version's record (seconds alone) too."""
    import json
    import time

    from dist_mmfuse.study import ATTEMPTS, attempts_wall_s, read_attempts

    run_dir = tmp_path / "run"
    run_dir.mkdir()
    start = time.time() - 100
    log = run_dir / "metrics.jsonl"
    log.write_text("{}\n")
    os.utime(log, (start + 50, start + 50))
    (run_dir / ATTEMPTS).write_text(json.dumps([7.0, [start, None], [None, 10.0]]))
    attempts = read_attempts(run_dir / ATTEMPTS)
    assert attempts == [[None, 7.0], [start, None], [None, 10.0]]
    assert abs(attempts_wall_s(attempts, run_dir) - 67.0) < 1e-6
