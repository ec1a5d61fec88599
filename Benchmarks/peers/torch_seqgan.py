#!/usr/bin/env python3
"""PyTorch reference SeqGAN (synthetic-oracle sizes), timed phase by phase.

The peer that the Swift SeqGAN is measured against. Sizes follow the SeqGAN
paper and the authors' released code (see shared/docs/seqgan-spec.md):

  generator / oracle   embedding [5000 x 32], LSTM hidden 32, linear 32 -> 5000,
                       start token 0, T = 20, batch 64; G: Adam lr 0.01, gradients
                       clipped to global norm 5.0, weights N(0, 0.1)
  discriminator        Kim-2014 text CNN: embedding 64, 12 convolutions
                       (1,720 feature maps), ReLU, max over time, one highway
                       layer, dropout keep 0.75, linear -> 2 classes (1 = real),
                       softmax cross-entropy + 0.2 * L2 of the last layer, Adam 1e-4
  roll-out             for t = 1..19, 16 completions of each prefix, all 64 x 16
                       rows of a given t sampled as one batch from the LSTM state
                       after the prefix; Q(t) = mean D(real); Q(20) = D(real | Y)
  PG update            loss = -sum_{b,t} log G(y_t | y_<t) * Q[b, t] (released code)

Usage:
  python3 torch_seqgan.py PHASE [--repeats N] [--threads N] [--oracle PATH] ...
  PHASE: mle_epoch | sample | nll_oracle | d_epoch | g_step | round | all

Each phase prints exactly one JSON line on stdout (the median of --repeats timed
runs after --warmup untimed runs); everything else goes to stderr.
"""

import argparse
import json
import os
import resource
import statistics
import sys
import time

# On this shared 2-core machine, OpenMP threads that spin while waiting lose
# their time slices to other processes: with the default (active) policy,
# sampling ran ~40x slower at 2 threads than with PASSIVE. Must be set before
# torch loads libgomp; an OMP_WAIT_POLICY already in the environment wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared"))
DEFAULT_ORACLE = os.path.join(SHARED, "oracle", "seqgan-oracle.safetensors")
DEFAULT_REAL_DATA = os.path.join(SHARED, "oracle", "real_data_2016.txt")

VOCAB = 5000
EMBED = 32
HIDDEN = 32
LENGTH = 20
START_TOKEN = 0
BATCH = 64
DATASET_SIZE = 10_000
ROLLOUT_NUM = 16
G_LEARNING_RATE = 0.01
G_CLIP_NORM = 5.0
D_EMBED = 64
D_WINDOWS_AND_FILTERS = [(1, 100), (2, 200), (3, 200), (4, 200), (5, 200), (6, 100),
                         (7, 100), (8, 100), (9, 100), (10, 100), (15, 160), (20, 160)]
D_DROPOUT_KEEP = 0.75
D_L2 = 0.2
D_LEARNING_RATE = 1e-4
D_STEPS_PER_ROUND = 5
D_EPOCHS_PER_STEP = 3

PHASES = ["mle_epoch", "sample", "nll_oracle", "d_epoch", "g_step", "round"]


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------

class Generator(nn.Module):
    """Token LSTM language model; also the shape of the oracle.

    Shapes: tokens [B, T] int64; logits [B, T, V]. A recurrent state is the
    (h, c) pair of nn.LSTM, each [1, B, H].
    """

    def __init__(self, vocab=VOCAB, embed=EMBED, hidden=HIDDEN):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embed)
        self.lstm = nn.LSTM(embed, hidden, batch_first=True)
        self.output = nn.Linear(hidden, vocab)
        # The reference LSTM has one bias per gate: keep bias_hh at zero.
        self.lstm.bias_hh_l0.requires_grad_(False)

    def initialise(self, std=0.1):
        with torch.no_grad():
            for parameter in self.parameters():
                parameter.normal_(0.0, std)
            self.lstm.bias_hh_l0.zero_()
        return self

    def teacher_forced_logits(self, tokens):
        """logits[b, t] predicts tokens[b, t] from START, tokens[b, :t]."""
        start = torch.full((tokens.shape[0], 1), START_TOKEN, dtype=tokens.dtype)
        inputs = torch.cat([start, tokens[:, :-1]], dim=1)
        hidden, _ = self.lstm(self.embedding(inputs))
        return self.output(hidden)

    def step(self, tokens, state):
        """Feeds tokens [B]; returns (top hidden [B, H], new state)."""
        hidden, state = self.lstm(self.embedding(tokens).unsqueeze(1), state)
        return hidden.squeeze(1), state


def draw_inverse_cdf(logits):
    """One sample per row of logits [B, V] at temperature 1, by inverting the CDF.

    Exactly multinomial sampling: u ~ U[0, total) located in the running sum of
    the probabilities. On CPU this is ~20x faster than torch.multinomial, whose
    cost is dominated by drawing V random numbers per row.
    """
    cumulative = torch.softmax(logits, dim=-1).cumsum_(dim=-1)
    uniform = torch.rand(logits.shape[0], 1) * cumulative[:, -1:]
    return torch.searchsorted(cumulative, uniform).squeeze_(1).clamp_(max=logits.shape[-1] - 1)


def draw_multinomial(logits):
    """One sample per row of logits [B, V] with torch.multinomial (the textbook way)."""
    return torch.multinomial(torch.softmax(logits, dim=-1), 1).squeeze(1)


SAMPLERS = {"cdf": draw_inverse_cdf, "multinomial": draw_multinomial}
draw = draw_inverse_cdf  # rebound by --sampler


@torch.no_grad()
def sample(generator, count, batch):
    """[count, T] sequences sampled from the generator, `batch` rows at a time."""
    chunks = []
    for begin in range(0, count, batch):
        rows = min(batch, count - begin)
        tokens = torch.empty(rows, LENGTH, dtype=torch.long)
        previous = torch.full((rows,), START_TOKEN, dtype=torch.long)
        state = None
        for t in range(LENGTH):
            hidden, state = generator.step(previous, state)
            previous = draw(generator.output(hidden))
            tokens[:, t] = previous
        chunks.append(tokens)
    return torch.cat(chunks)


@torch.no_grad()
def per_token_nll(model, tokens, batch=BATCH):
    """Mean over sequences and positions of -log model(y_t | y_<t)."""
    total = 0.0
    for begin in range(0, tokens.shape[0], batch):
        chunk = tokens[begin:begin + batch]
        logits = model.teacher_forced_logits(chunk)
        total += F.cross_entropy(logits.reshape(-1, logits.shape[-1]), chunk.reshape(-1),
                                 reduction="sum").item()
    return total / tokens.numel()


class Discriminator(nn.Module):
    """Kim-2014 CNN over token sequences [B, T]; logits [B, 2], class 1 = real."""

    def __init__(self, vocab=VOCAB, embed=D_EMBED, windows_and_filters=D_WINDOWS_AND_FILTERS,
                 dropout_keep=D_DROPOUT_KEEP):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embed)
        self.convolutions = nn.ModuleList(
            nn.Conv1d(embed, filters, window) for window, filters in windows_and_filters)
        features = sum(filters for _, filters in windows_and_filters)
        # Highway transform and gate as one [features -> 2 * features] product.
        self.highway = nn.Linear(features, 2 * features)
        self.dropout = nn.Dropout(p=1.0 - dropout_keep)
        self.output = nn.Linear(features, 2)
        with torch.no_grad():  # the released code's initialisers
            self.embedding.weight.uniform_(-1.0, 1.0)
            for layer in list(self.convolutions) + [self.output]:
                nn.init.trunc_normal_(layer.weight, std=0.1, a=-0.2, b=0.2)
                layer.bias.fill_(0.1)

    def forward(self, tokens):
        embedded = self.embedding(tokens).transpose(1, 2)  # [B, E, T]
        pooled = torch.cat([F.relu(convolution(embedded)).amax(dim=2)
                            for convolution in self.convolutions], dim=1)
        transform, gate = self.highway(pooled).chunk(2, dim=1)
        gate = torch.sigmoid(gate)
        highway = gate * F.relu(transform) + (1.0 - gate) * pooled
        return self.output(self.dropout(highway))

    def loss(self, tokens, labels):
        l2 = 0.5 * (self.output.weight.square().sum() + self.output.bias.square().sum())
        return F.cross_entropy(self(tokens), labels) + D_L2 * l2

    @torch.no_grad()
    def probability_real(self, tokens):
        return torch.softmax(self(tokens), dim=1)[:, 1]


# ---------------------------------------------------------------------------
# Oracle loading (safetensors parsed by hand: no extra dependency)
# ---------------------------------------------------------------------------

def read_safetensors(path):
    with open(path, "rb") as handle:
        blob = handle.read()
    header_length = int.from_bytes(blob[:8], "little")
    header = json.loads(blob[8:8 + header_length])
    data = blob[8 + header_length:]
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        if entry["dtype"] != "F32":
            raise ValueError(f"{path}: tensor {name} has dtype {entry['dtype']}, expected F32")
        begin, end = entry["data_offsets"]
        array = np.frombuffer(data[begin:end], dtype="<f4").reshape(entry["shape"])
        tensors[name] = torch.from_numpy(array.copy())
    return tensors


def load_oracle(path):
    """The oracle as a Generator, with the gate mapping of shared/oracle/README.md."""
    p = read_safetensors(path)
    oracle = Generator()
    with torch.no_grad():
        oracle.embedding.weight.copy_(p["g_embeddings"])
        oracle.lstm.weight_ih_l0.copy_(torch.cat([p["Wi"], p["Wf"], p["Wc"], p["Wog"]], dim=1).T)
        oracle.lstm.weight_hh_l0.copy_(torch.cat([p["Ui"], p["Uf"], p["Uc"], p["Uog"]], dim=1).T)
        oracle.lstm.bias_ih_l0.copy_(torch.cat([p["bi"], p["bf"], p["bc"], p["bog"]]))
        oracle.lstm.bias_hh_l0.zero_()
        oracle.output.weight.copy_(p["Wo"].T)
        oracle.output.bias.copy_(p["bo"])
    return oracle.eval().requires_grad_(False)


def read_token_file(path):
    return torch.tensor(np.loadtxt(path, dtype=np.int64, ndmin=2))


# ---------------------------------------------------------------------------
# Training steps
# ---------------------------------------------------------------------------

def generator_optimiser(generator):
    return torch.optim.Adam([p for p in generator.parameters() if p.requires_grad],
                            lr=G_LEARNING_RATE, fused=True)


def mle_epoch(generator, optimiser, data):
    """One pass over data [N, T] in shuffled full batches (the reference drops the tail)."""
    order = torch.randperm(data.shape[0])
    batches = data.shape[0] // BATCH
    total = 0.0
    for index in range(batches):
        tokens = data[order[index * BATCH:(index + 1) * BATCH]]
        logits = generator.teacher_forced_logits(tokens)
        loss = F.cross_entropy(logits.reshape(-1, VOCAB), tokens.reshape(-1))
        optimiser.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(generator.parameters(), G_CLIP_NORM)
        optimiser.step()
        total += loss.item()
    return batches, total / batches


def d_epoch(discriminator, optimiser, positives, negatives):
    """One pass over positives + negatives in shuffled full batches of 64."""
    discriminator.train()
    tokens = torch.cat([positives, negatives])
    labels = torch.cat([torch.ones(positives.shape[0], dtype=torch.long),
                        torch.zeros(negatives.shape[0], dtype=torch.long)])
    order = torch.randperm(tokens.shape[0])
    batches = tokens.shape[0] // BATCH
    total = 0.0
    for index in range(batches):
        rows = order[index * BATCH:(index + 1) * BATCH]
        loss = discriminator.loss(tokens[rows], labels[rows])
        optimiser.zero_grad(set_to_none=True)
        loss.backward()
        optimiser.step()
        total += loss.item()
    discriminator.eval()
    return batches, total / batches


@torch.no_grad()
def rollout_rewards(generator, discriminator, sequences, rollout_num=ROLLOUT_NUM):
    """Q [B, T]: Q[b, t-1] = mean over rollout_num completions of D(real | y_1..y_t, ...)."""
    rows = sequences.shape[0]
    rewards = torch.empty(rows, LENGTH)
    # One teacher-forced pass over the sequences gives every prefix state.
    previous = torch.full((rows,), START_TOKEN, dtype=torch.long)
    state = None
    prefix_states = []  # prefix_states[t - 1]: (top hidden, state) after feeding y_t
    hidden, state = generator.step(previous, state)
    for t in range(1, LENGTH):
        hidden, state = generator.step(sequences[:, t - 1], state)
        prefix_states.append((hidden, state))
    expanded_sequences = sequences.repeat_interleave(rollout_num, dim=0)
    for t in range(1, LENGTH):
        hidden, (h, c) = prefix_states[t - 1]
        hidden = hidden.repeat_interleave(rollout_num, dim=0)
        state = (h.repeat_interleave(rollout_num, dim=1), c.repeat_interleave(rollout_num, dim=1))
        completed = expanded_sequences.clone()
        for position in range(t, LENGTH):
            token = draw(generator.output(hidden))
            completed[:, position] = token
            if position + 1 < LENGTH:
                hidden, state = generator.step(token, state)
        rewards[:, t - 1] = discriminator.probability_real(completed).view(rows, rollout_num).mean(dim=1)
    rewards[:, LENGTH - 1] = discriminator.probability_real(sequences)
    return rewards


def policy_gradient_step(generator, optimiser, sequences, rewards):
    logits = generator.teacher_forced_logits(sequences)
    log_probabilities = torch.log_softmax(logits, dim=-1).gather(2, sequences.unsqueeze(2)).squeeze(2)
    loss = -(log_probabilities * rewards).sum()
    optimiser.zero_grad(set_to_none=True)
    loss.backward()
    nn.utils.clip_grad_norm_(generator.parameters(), G_CLIP_NORM)
    optimiser.step()
    return loss.item()


def g_step(generator, optimiser, discriminator):
    sequences = sample(generator, BATCH, BATCH)
    rewards = rollout_rewards(generator, discriminator, sequences)
    return policy_gradient_step(generator, optimiser, sequences, rewards)


# ---------------------------------------------------------------------------
# Benchmark harness
# ---------------------------------------------------------------------------

def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def timed(function, repeats, warmup, label):
    """Runs function warmup + repeats times; returns (median seconds, all seconds, last result)."""
    result = None
    for index in range(warmup):
        start = time.perf_counter()
        result = function()
        log(f"{label}: warm-up {index + 1}/{warmup} {time.perf_counter() - start:.3f} s")
    seconds = []
    for index in range(repeats):
        start = time.perf_counter()
        result = function()
        seconds.append(time.perf_counter() - start)
        log(f"{label}: run {index + 1}/{repeats} {seconds[-1]:.3f} s")
    return statistics.median(seconds), seconds, result


class Bench:
    def __init__(self, arguments):
        self.arguments = arguments
        torch.manual_seed(arguments.seed)
        self.oracle = load_oracle(arguments.oracle)
        self.generator = Generator().initialise()
        self.g_optimiser = generator_optimiser(self.generator)
        self.discriminator = Discriminator().eval()
        self.d_optimiser = torch.optim.Adam(self.discriminator.parameters(), lr=D_LEARNING_RATE, fused=True)
        self._real = None

    @property
    def real(self):
        """10,000 sequences sampled from the oracle (the synthetic training set S)."""
        if self._real is None:
            start = time.perf_counter()
            self._real = sample(self.oracle, DATASET_SIZE, self.arguments.sample_batch)
            log(f"setup: sampled {DATASET_SIZE} oracle sequences in {time.perf_counter() - start:.2f} s")
        return self._real

    def report(self, phase, median, seconds, **extra):
        record = {"phase": phase, "seconds": round(median, 4), "runs": [round(s, 4) for s in seconds],
                  "threads": torch.get_num_threads(), "torch": torch.__version__,
                  "sampler": self.arguments.sampler, "omp_wait_policy": os.environ["OMP_WAIT_POLICY"]}
        record.update(extra)
        record["peak_rss_mb"] = round(peak_rss_mb(), 1)
        print(json.dumps(record), flush=True)

    def timed(self, function, label, warmup=None):
        a = self.arguments
        return timed(function, a.repeats, a.warmup if warmup is None else warmup, label)

    def mle_epoch(self):
        data = self.real
        median, seconds, (batches, loss) = self.timed(
            lambda: mle_epoch(self.generator, self.g_optimiser, data), "mle_epoch")
        self.report("mle_epoch", median, seconds, batches=batches, sequences=batches * BATCH,
                    note="full batches of 64 only (tail of 16 dropped, as the reference loader)",
                    last_loss=round(loss, 4))

    def sample(self):
        batch = self.arguments.sample_batch
        median, seconds, _ = self.timed(lambda: sample(self.generator, DATASET_SIZE, batch), "sample")
        self.report("sample", median, seconds, sequences=DATASET_SIZE, sample_batch=batch,
                    tokens_per_second=round(DATASET_SIZE * LENGTH / median, 1))

    def nll_oracle(self):
        batch = self.arguments.sample_batch

        def evaluate():
            return per_token_nll(self.oracle, sample(self.generator, DATASET_SIZE, batch))

        median, seconds, nll = self.timed(evaluate, "nll_oracle")
        real = read_token_file(self.arguments.real_data)
        start = time.perf_counter()
        real_nll = per_token_nll(self.oracle, real)
        log(f"nll_oracle: oracle NLL of {real.shape[0]} real sequences {real_nll:.6f} "
            f"({time.perf_counter() - start:.2f} s)")
        self.report("nll_oracle", median, seconds, sequences=DATASET_SIZE, sample_batch=batch,
                    nll_oracle_of_generator=round(nll, 4),
                    oracle_nll_real_data_2016=real_nll, real_data_sequences=real.shape[0])

    def negatives(self):
        return sample(self.generator, DATASET_SIZE, self.arguments.sample_batch)

    def d_epoch(self):
        positives, negatives = self.real, self.negatives()
        median, seconds, (batches, loss) = self.timed(
            lambda: d_epoch(self.discriminator, self.d_optimiser, positives, negatives), "d_epoch")
        self.report("d_epoch", median, seconds, batches=batches, sequences=batches * BATCH,
                    note="10,000 real + 10,000 fake, full batches of 64 (tail of 32 dropped)",
                    last_loss=round(loss, 4))

    def g_step(self):
        median, seconds, loss = self.timed(
            lambda: g_step(self.generator, self.g_optimiser, self.discriminator), "g_step")
        self.report("g_step", median, seconds, rollout_num=ROLLOUT_NUM,
                    completions=BATCH * ROLLOUT_NUM * (LENGTH - 1),
                    scored_sequences=BATCH * ROLLOUT_NUM * (LENGTH - 1) + BATCH,
                    last_pg_loss=round(loss, 4))

    def round(self):
        positives = self.real
        if self.arguments.scale:
            # Time the parts once each (median of repeats) and add them up:
            # round = g_step + 5 x (negatives + 3 x d_epoch).
            parts = {}
            parts["g_step"], _, _ = self.timed(
                lambda: g_step(self.generator, self.g_optimiser, self.discriminator), "round/g_step")
            parts["negatives"], _, negatives = self.timed(self.negatives, "round/negatives")
            parts["d_epoch"], _, _ = self.timed(
                lambda: d_epoch(self.discriminator, self.d_optimiser, positives, negatives),
                "round/d_epoch")
            total = parts["g_step"] + D_STEPS_PER_ROUND * (
                parts["negatives"] + D_EPOCHS_PER_STEP * parts["d_epoch"])
            self.report("round", total, [total], scaled=True,
                        note="estimated: g_step + 5 x (negatives + 3 x d_epoch), each part timed "
                             "separately (median of repeats)",
                        parts={k: round(v, 4) for k, v in parts.items()})
            return

        def adversarial_round():
            g_step(self.generator, self.g_optimiser, self.discriminator)
            for _ in range(D_STEPS_PER_ROUND):
                negatives = self.negatives()
                for _ in range(D_EPOCHS_PER_STEP):
                    d_epoch(self.discriminator, self.d_optimiser, positives, negatives)

        # A full round is minutes long: warm up the parts, not a whole round.
        g_step(self.generator, self.g_optimiser, self.discriminator)
        median, seconds, _ = self.timed(adversarial_round, "round", warmup=0)
        self.report("round", median, seconds, scaled=False,
                    note="1 g_step + 5 x (10,000 fresh negatives + 3 d_epochs); warm-up was one g_step")


def main():
    parser = argparse.ArgumentParser(
        description="PyTorch SeqGAN reference at the paper's synthetic sizes; prints one JSON line per phase.")
    parser.add_argument("phase", choices=PHASES + ["all"], help="phase to time (all: every phase in turn)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per phase; the median is reported")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs before the timed ones")
    parser.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (intra-op threads)")
    parser.add_argument("--oracle", default=DEFAULT_ORACLE, help="oracle safetensors file (default: %(default)s)")
    parser.add_argument("--real-data", default=DEFAULT_REAL_DATA,
                        help="token file scored under the oracle by nll_oracle, a correctness check "
                             "(default: %(default)s)")
    parser.add_argument("--sample-batch", type=int, default=64,
                        help="rows sampled together when drawing 10,000 sequences (reference: 64)")
    parser.add_argument("--sampler", choices=sorted(SAMPLERS), default="cdf",
                        help="how a token is drawn from the softmax: cdf (inverse CDF via cumsum + "
                             "searchsorted, default) or multinomial (torch.multinomial); same distribution")
    parser.add_argument("--scale", action="store_true",
                        help="round: time g_step, one negative sampling and one d_epoch, and scale up "
                             "to 1 g_step + 5 x (negatives + 3 d_epochs) instead of running it whole")
    parser.add_argument("--seed", type=int, default=0, help="torch.manual_seed")
    arguments = parser.parse_args()
    if arguments.repeats < 1 or arguments.warmup < 0 or arguments.threads < 1 or arguments.sample_batch < 1:
        parser.error("--repeats, --threads and --sample-batch must be >= 1, --warmup >= 0")

    global draw
    draw = SAMPLERS[arguments.sampler]
    torch.set_num_threads(arguments.threads)
    log(f"torch {torch.__version__}, {torch.get_num_threads()} threads, phase {arguments.phase}")
    try:
        bench = Bench(arguments)
    except (OSError, ValueError, KeyError) as error:
        print(f"error: cannot load the oracle {arguments.oracle}: {error!r}", file=sys.stderr)
        return 1
    for phase in (PHASES if arguments.phase == "all" else [arguments.phase]):
        getattr(bench, phase)()
    return 0


if __name__ == "__main__":
    sys.exit(main())
