#!/usr/bin/env python3
"""Golden data for Flint's torch.distributions.

Run with the system interpreter (Debian python3-torch 1.13):
    /usr/bin/python3 tools/golden/gen_distributions.py
Writes tests/golden/distributions.json:
  cases:   per distribution and parameter set: batch/event shapes, mean, variance, stddev, log_prob at a value,
           entropy, cdf/icdf where PyTorch has them
  samples: seeded sample()/rsample() draws (torch.manual_seed(seed), then the calls in order)
  kl:      kl_divergence values for pairs
  errors:  PyTorch's exception type and message for invalid arguments / values
Tensors are {"dtype", "shape", "values"} with non-finite values as the strings "nan", "inf", "-inf".
"""
import json
import math
import os

import torch
import torch.distributions as D

torch.set_num_threads(1)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "distributions.json"))


def num(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return v
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def enc(t):
    if t is None:
        return None
    t = t.detach()
    return {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape),
            "values": [num(v) for v in t.reshape(-1).tolist()]}


def T(values, dtype=torch.float64):
    return torch.tensor(values, dtype=dtype)


SPD = T([[2.0, 0.3, -0.4], [0.3, 1.5, 0.2], [-0.4, 0.2, 1.0]])
SPD_B = torch.stack([SPD, T([[1.0, 0.5, 0.0], [0.5, 2.0, 0.1], [0.0, 0.1, 0.7]])])
TRIL = torch.linalg.cholesky(SPD)
TRIL_B = torch.linalg.cholesky(SPD_B)

# (dist name, kwargs, value for log_prob, value for icdf)
CASES = [
    ("Normal", dict(loc=T([0.5, -1.2, 2.0]), scale=T([1.0, 0.3, 2.5])), T([0.1, -1.0, 3.3]), T([0.1, 0.5, 0.9])),
    ("Normal", dict(loc=T([0.5, -1.2], torch.float32), scale=T([1.0, 0.3], torch.float32)), T([0.1, -1.0], torch.float32), T([0.2, 0.7], torch.float32)),
    ("Normal", dict(loc=T([[0.0], [1.0]]), scale=T([1.0, 2.0, 0.5])), T([0.3, -0.2, 1.0]), T([0.25, 0.5, 0.75])),
    ("Uniform", dict(low=T([-1.0, 0.5]), high=T([2.0, 0.75])), T([0.0, 0.6]), T([0.3, 0.9])),
    ("Uniform", dict(low=T([-1.0, 0.5], torch.float32), high=T([2.0, 0.75], torch.float32)), T([1.5, 0.7], torch.float32), T([0.3, 0.9], torch.float32)),
    ("Bernoulli", dict(probs=T([0.2, 0.7, 0.5])), T([0.0, 1.0, 1.0]), None),
    ("Bernoulli", dict(logits=T([-1.0, 0.3, 2.0])), T([1.0, 0.0, 1.0]), None),
    ("Bernoulli", dict(probs=T([0.0, 1.0, 0.3], torch.float32)), T([0.0, 1.0, 1.0], torch.float32), None),
    ("Categorical", dict(probs=T([[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]])), T([2.0, 0.0]), None),
    ("Categorical", dict(probs=T([[1.0, 2.0, 3.0], [4.0, 5.0, 0.0]])), T([[1.0, 2.0], [0.0, 1.0]]), None),
    ("Categorical", dict(logits=T([[0.5, -1.0, 2.0, 0.0], [1.0, 1.0, 1.0, 1.0]])), T([3.0, 1.0]), None),
    ("Categorical", dict(logits=T([0.5, -1.0, 2.0], torch.float32)), T([2.0], torch.float32), None),
    ("OneHotCategorical", dict(probs=T([[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]])), T([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]), None),
    ("OneHotCategorical", dict(logits=T([0.5, -1.0, 2.0])), T([0.0, 1.0, 0.0]), None),
    ("Exponential", dict(rate=T([0.5, 2.0, 1.0])), T([0.3, 1.5, 0.0]), T([0.1, 0.5, 0.9])),
    ("Exponential", dict(rate=T([0.5, 2.0], torch.float32)), T([0.3, 1.5], torch.float32), T([0.1, 0.5], torch.float32)),
    ("Laplace", dict(loc=T([0.0, 1.0]), scale=T([1.0, 0.5])), T([-0.7, 1.2]), T([0.2, 0.8])),
    ("Cauchy", dict(loc=T([0.0, 1.0]), scale=T([1.0, 2.0])), T([-0.7, 4.0]), T([0.2, 0.8])),
    ("Gumbel", dict(loc=T([0.0, 1.0]), scale=T([1.0, 2.0])), T([-0.7, 4.0]), T([0.2, 0.8])),
    ("LogNormal", dict(loc=T([0.0, 0.5]), scale=T([1.0, 0.3])), T([0.5, 2.0]), T([0.2, 0.8])),
    ("MultivariateNormal", dict(loc=T([1.0, -1.0, 0.5]), covariance_matrix=SPD), T([0.5, 0.0, 1.0]), None),
    ("MultivariateNormal", dict(loc=T([[1.0, -1.0, 0.5], [0.0, 0.0, 0.0]]), scale_tril=TRIL_B), T([0.5, 0.0, 1.0]), None),
    ("MultivariateNormal", dict(loc=T([1.0, -1.0, 0.5]), precision_matrix=SPD), T([[0.5, 0.0, 1.0], [1.0, 1.0, 1.0]]), None),
    ("MultivariateNormal", dict(loc=T([0.2, 0.1], torch.float32), covariance_matrix=T([[1.0, 0.4], [0.4, 0.8]], torch.float32)), T([0.5, -0.3], torch.float32), None),
    ("Gamma", dict(concentration=T([0.5, 2.0, 5.0]), rate=T([1.0, 0.5, 3.0])), T([0.3, 2.5, 1.7]), None),
    ("Beta", dict(concentration1=T([0.5, 2.0, 3.0]), concentration0=T([0.5, 1.0, 4.0])), T([0.3, 0.6, 0.2]), None),
    ("Dirichlet", dict(concentration=T([[0.5, 1.0, 2.0], [3.0, 1.0, 1.0]])), T([[0.2, 0.3, 0.5], [0.6, 0.1, 0.3]]), None),
    ("StudentT", dict(df=T([3.0, 10.0, 1.5]), loc=T([0.0, 1.0, -1.0]), scale=T([1.0, 2.0, 0.5])), T([0.4, -1.0, 2.0]), None),
    ("Poisson", dict(rate=T([0.5, 4.0, 20.0])), T([0.0, 3.0, 18.0]), None),
    ("Binomial", dict(total_count=T([10.0]), probs=T([0.3, 0.8])), T([3.0, 10.0]), None),
    ("Binomial", dict(total_count=T([6.0]), logits=T([-0.5, 1.0])), T([0.0, 4.0]), None),
    ("Multinomial", dict(total_count=5, probs=T([0.2, 0.3, 0.5])), T([1.0, 1.0, 3.0]), None),
]


def make(name, kw):
    return getattr(D, name)(**kw)


def maybe(f):
    try:
        return enc(f())
    except NotImplementedError:
        return None


def args_enc(kw):
    return {k: (enc(v) if isinstance(v, torch.Tensor) else v) for k, v in kw.items()}


def cases():
    out = []
    counts = {}
    for name, kw, value, icdf_value in CASES:
        counts[name] = counts.get(name, 0) + 1
        d = make(name, kw)
        c = {"name": f"{name}_{counts[name]}", "dist": name, "args": args_enc(kw),
             "batch_shape": list(d.batch_shape), "event_shape": list(d.event_shape),
             "mean": maybe(lambda: d.mean), "variance": maybe(lambda: d.variance), "stddev": maybe(lambda: d.stddev),
             "value": enc(value), "log_prob": enc(d.log_prob(value)), "entropy": maybe(lambda: d.entropy())}
        c["cdf"] = maybe(lambda: d.cdf(value)) if name not in ("Gamma", "Beta", "StudentT", "Dirichlet") else None
        c["icdf_value"] = enc(icdf_value)
        c["icdf"] = maybe(lambda: d.icdf(icdf_value)) if icdf_value is not None else None
        c["has_rsample"] = d.has_rsample
        if name == "MultivariateNormal":
            c["scale_tril"] = enc(d.scale_tril)
            c["covariance_matrix"] = enc(d.covariance_matrix)
            c["precision_matrix"] = enc(d.precision_matrix)
        e = d.expand([4] + list(d.batch_shape))
        c["expanded_batch_shape"] = list(e.batch_shape)
        try:
            c["expanded_log_prob"] = enc(e.log_prob(value))
        except ValueError:
            c["expanded_log_prob"] = None
        out.append(c)
    return out


# (name, dist, kwargs, seed, [("sample"|"rsample", shape), ...])
SAMPLES = [
    ("Normal", dict(loc=T([0.5, -1.2, 2.0], torch.float32), scale=T([1.0, 0.3, 2.5], torch.float32)), 1, [("sample", [4]), ("rsample", [2])]),
    ("Normal", dict(loc=T([0.5, -1.2, 2.0], torch.float32), scale=T([1.0, 0.3, 2.5], torch.float32)), 2, [("sample", [10]), ("rsample", [7])]),
    ("Normal", dict(loc=T([0.5, -1.2, 2.0]), scale=T([1.0, 0.3, 2.5])), 3, [("sample", [4]), ("rsample", [10]), ("sample", [])]),
    ("Uniform", dict(low=T([-1.0, 0.5], torch.float32), high=T([2.0, 0.75], torch.float32)), 4, [("sample", [5]), ("rsample", [20])]),
    ("Uniform", dict(low=T([-1.0, 0.5]), high=T([2.0, 0.75])), 5, [("rsample", [3]), ("sample", [20])]),
    ("Bernoulli", dict(probs=T([0.2, 0.7, 0.5], torch.float32)), 6, [("sample", [5]), ("sample", [])]),
    ("Bernoulli", dict(probs=T([0.2, 0.7, 0.5])), 7, [("sample", [6])]),
    ("Bernoulli", dict(logits=T([-1.0, 0.3, 2.0], torch.float32)), 8, [("sample", [4])]),
    ("Categorical", dict(probs=T([[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]])), 9, [("sample", [5]), ("sample", []), ("sample", [2, 3])]),
    ("Categorical", dict(logits=T([0.5, -1.0, 2.0, 0.0], torch.float32)), 10, [("sample", [12]), ("sample", [1])]),
    ("OneHotCategorical", dict(probs=T([[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]])), 11, [("sample", [4])]),
    ("Exponential", dict(rate=T([0.5, 2.0, 1.0], torch.float32)), 12, [("sample", [4]), ("rsample", [10])]),
    ("Exponential", dict(rate=T([0.5, 2.0])), 13, [("rsample", [5])]),
    ("Laplace", dict(loc=T([0.0, 1.0], torch.float32), scale=T([1.0, 0.5], torch.float32)), 14, [("sample", [6]), ("rsample", [3])]),
    ("Laplace", dict(loc=T([0.0, 1.0]), scale=T([1.0, 0.5])), 15, [("rsample", [6])]),
    ("Cauchy", dict(loc=T([0.0, 1.0], torch.float32), scale=T([1.0, 2.0], torch.float32)), 16, [("sample", [6]), ("rsample", [3])]),
    ("Cauchy", dict(loc=T([0.0, 1.0]), scale=T([1.0, 2.0])), 17, [("rsample", [6])]),
    ("Gumbel", dict(loc=T([0.0, 1.0], torch.float32), scale=T([1.0, 2.0], torch.float32)), 18, [("sample", [6]), ("rsample", [3])]),
    ("Gumbel", dict(loc=T([0.0, 1.0]), scale=T([1.0, 2.0])), 19, [("rsample", [6])]),
    ("LogNormal", dict(loc=T([0.0, 0.5], torch.float32), scale=T([1.0, 0.3], torch.float32)), 20, [("sample", [6]), ("rsample", [10])]),
    ("LogNormal", dict(loc=T([0.0, 0.5]), scale=T([1.0, 0.3])), 21, [("rsample", [6])]),
    ("MultivariateNormal", dict(loc=T([1.0, -1.0, 0.5]), covariance_matrix=SPD), 22, [("sample", [4]), ("rsample", [6])]),
    ("MultivariateNormal", dict(loc=T([1.0, -1.0, 0.5], torch.float32), scale_tril=TRIL.float()), 23, [("sample", [7])]),
    ("Gamma", dict(concentration=T([0.5, 2.0, 5.0]), rate=T([1.0, 0.5, 3.0])), 24, [("sample", [4]), ("rsample", [3])]),
    ("Gamma", dict(concentration=T([0.5, 2.0, 5.0], torch.float32), rate=T([1.0, 0.5, 3.0], torch.float32)), 25, [("sample", [5])]),
    ("Beta", dict(concentration1=T([0.5, 2.0]), concentration0=T([0.5, 4.0])), 26, [("sample", [4])]),
    ("Dirichlet", dict(concentration=T([0.5, 1.0, 2.0])), 27, [("sample", [4])]),
    ("StudentT", dict(df=T([3.0, 10.0]), loc=T([0.0, 1.0]), scale=T([1.0, 2.0])), 28, [("sample", [4])]),
    ("Poisson", dict(rate=T([0.5, 4.0, 20.0])), 29, [("sample", [5])]),
    ("Poisson", dict(rate=T([0.5, 4.0, 20.0], torch.float32)), 30, [("sample", [5])]),
    ("Binomial", dict(total_count=T([10.0]), probs=T([0.3, 0.8])), 31, [("sample", [5])]),
    ("Multinomial", dict(total_count=5, probs=T([0.2, 0.3, 0.5])), 32, [("sample", [4])]),
]


def samples():
    out = []
    counts = {}
    for name, kw, seed, calls in SAMPLES:
        counts[name] = counts.get(name, 0) + 1
        d = make(name, kw)
        torch.manual_seed(seed)
        results = []
        for kind, shape in calls:
            results.append(enc(getattr(d, kind)(torch.Size(shape))))
        out.append({"name": f"{name}_{counts[name]}", "dist": name, "args": args_enc(kw), "seed": seed,
                    "calls": [{"kind": k, "shape": s} for k, s in calls], "results": results})
    return out


KL_PAIRS = [
    ("Normal", dict(loc=T([0.0, 1.0]), scale=T([1.0, 2.0])), "Normal", dict(loc=T([0.5, -1.0]), scale=T([0.7, 1.5]))),
    ("Bernoulli", dict(probs=T([0.2, 0.0, 1.0, 0.6])), "Bernoulli", dict(probs=T([0.5, 0.3, 0.4, 0.0]))),
    ("Bernoulli", dict(logits=T([-1.0, 2.0])), "Bernoulli", dict(logits=T([0.5, 0.1]))),
    ("Categorical", dict(probs=T([[0.1, 0.2, 0.7], [0.5, 0.5, 0.0]])), "Categorical", dict(probs=T([[0.3, 0.3, 0.4], [0.2, 0.3, 0.5]]))),
    ("Categorical", dict(probs=T([0.5, 0.5, 0.0])), "Categorical", dict(probs=T([0.5, 0.0, 0.5]))),
    ("OneHotCategorical", dict(logits=T([0.5, -1.0, 2.0])), "OneHotCategorical", dict(logits=T([0.0, 0.0, 1.0]))),
    ("Uniform", dict(low=T([0.0, 0.0]), high=T([1.0, 2.0])), "Uniform", dict(low=T([-1.0, 0.5]), high=T([2.0, 3.0]))),
    ("Exponential", dict(rate=T([0.5, 2.0])), "Exponential", dict(rate=T([1.0, 0.3]))),
    ("Gamma", dict(concentration=T([0.5, 2.0]), rate=T([1.0, 0.5])), "Gamma", dict(concentration=T([1.5, 3.0]), rate=T([2.0, 0.7]))),
    ("Beta", dict(concentration1=T([0.5, 2.0]), concentration0=T([1.5, 3.0])), "Beta", dict(concentration1=T([1.0, 1.0]), concentration0=T([2.0, 0.7]))),
    ("Dirichlet", dict(concentration=T([[0.5, 1.0, 2.0], [3.0, 1.0, 1.0]])), "Dirichlet", dict(concentration=T([1.0, 1.0, 1.0]))),
    ("Laplace", dict(loc=T([0.0, 1.0]), scale=T([1.0, 2.0])), "Laplace", dict(loc=T([0.5, -1.0]), scale=T([0.7, 1.5]))),
    ("Poisson", dict(rate=T([0.5, 4.0])), "Poisson", dict(rate=T([1.0, 3.0]))),
    ("MultivariateNormal", dict(loc=T([1.0, -1.0, 0.5]), covariance_matrix=SPD), "MultivariateNormal", dict(loc=T([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]), scale_tril=TRIL_B)),
    ("LogNormal", dict(loc=T([0.0, 1.0]), scale=T([1.0, 2.0])), "LogNormal", dict(loc=T([0.5, -1.0]), scale=T([0.7, 1.5]))),
    ("Normal", dict(loc=T([0.0, 1.0], torch.float32), scale=T([1.0, 2.0], torch.float32)), "Normal", dict(loc=T([0.5, -1.0], torch.float32), scale=T([0.7, 1.5], torch.float32))),
    ("Binomial", dict(total_count=T([10.0, 12.0]), probs=T([0.3, 0.8])), "Binomial", dict(total_count=T([10.0, 10.0]), probs=T([0.5, 0.6]))),
    ("Gumbel", dict(loc=T([0.0, 1.0]), scale=T([1.0, 2.0])), "Gumbel", dict(loc=T([0.5, -1.0]), scale=T([0.7, 1.5]))),
    ("Cauchy", dict(loc=T([0.0, 1.0]), scale=T([1.0, 2.0])), "Cauchy", dict(loc=T([0.5, -1.0]), scale=T([0.7, 1.5]))),
]


def kls():
    out = []
    for i, (pn, pk, qn, qk) in enumerate(KL_PAIRS):
        p, q = make(pn, pk), make(qn, qk)
        out.append({"name": f"{pn}_{qn}_{i}", "p": {"dist": pn, "args": args_enc(pk)}, "q": {"dist": qn, "args": args_enc(qk)},
                    "kl": enc(D.kl_divergence(p, q))})
    return out


def error(name, f):
    try:
        f()
    except Exception as e:  # noqa: BLE001 - we record whatever PyTorch raises
        return {"name": name, "type": type(e).__name__, "message": str(e)}
    raise AssertionError(f"{name} did not raise")


def errors():
    z = torch.zeros
    return [
        error("normal_negative_scale", lambda: D.Normal(T([0.0, 0.0]), T([1.0, -1.0]))),
        error("normal_scalar_negative_scale", lambda: D.Normal(T(0.0), T(-1.0))),
        error("normal_nan_loc", lambda: D.Normal(T([float("nan"), 0.0]), T([1.0, 1.0]))),
        error("bernoulli_probs_above_one", lambda: D.Bernoulli(probs=T([0.5, 1.5]))),
        error("bernoulli_neither", lambda: D.Bernoulli()),
        error("uniform_low_ge_high", lambda: D.Uniform(T([0.0, 1.0]), T([1.0, 1.0]))),
        error("categorical_scalar_probs", lambda: D.Categorical(probs=T(0.5))),
        error("categorical_negative_probs", lambda: D.Categorical(probs=T([0.5, -0.1, 0.6]))),
        error("exponential_negative_rate", lambda: D.Exponential(T([1.0, -2.0]))),
        error("exponential_value_outside_support", lambda: D.Exponential(T([1.0, 2.0])).log_prob(T([-1.0, 1.0]))),
        error("normal_value_not_broadcastable", lambda: D.Normal(z(3, dtype=torch.float64), torch.ones(3, dtype=torch.float64)).log_prob(z(2, dtype=torch.float64))),
        error("bernoulli_value_outside_support", lambda: D.Bernoulli(probs=T([0.5, 0.5])).log_prob(T([0.5, 1.0]))),
        error("laplace_negative_scale", lambda: D.Laplace(T([0.0]), T([-1.0]))),
        error("mvn_event_shape", lambda: D.MultivariateNormal(T([0.0, 0.0, 0.0]), SPD).log_prob(z(2, dtype=torch.float64))),
        error("mvn_two_matrices", lambda: D.MultivariateNormal(T([0.0, 0.0, 0.0]), covariance_matrix=SPD, scale_tril=TRIL)),
        error("mvn_scalar_loc", lambda: D.MultivariateNormal(T(0.0), covariance_matrix=SPD)),
        error("mvn_not_positive_definite", lambda: D.MultivariateNormal(T([0.0, 0.0]), covariance_matrix=T([[1.0, 2.0], [2.0, 1.0]]))),
        error("gamma_negative_concentration", lambda: D.Gamma(T([-1.0, 1.0]), T([1.0, 1.0]))),
        error("beta_zero_concentration", lambda: D.Beta(T([0.0]), T([1.0]))),
        error("dirichlet_negative", lambda: D.Dirichlet(T([1.0, -1.0]))),
        error("poisson_negative_rate", lambda: D.Poisson(T([-1.0]))),
        error("kl_not_implemented", lambda: D.kl_divergence(D.Cauchy(T(0.0), T(1.0)), D.Laplace(T(0.0), T(1.0)))),
        error("kl_mvn_event_shapes", lambda: D.kl_divergence(D.MultivariateNormal(T([0.0, 0.0]), torch.eye(2, dtype=torch.float64)),
                                                               D.MultivariateNormal(T([0.0, 0.0, 0.0]), SPD))),
    ]


def reprs():
    return [
        {"args": "Normal(0.0, 1.0)", "repr": repr(D.Normal(0.0, 1.0))},
        {"args": "Normal(zeros(2), ones(2))", "repr": repr(D.Normal(torch.zeros(2), torch.ones(2)))},
        {"args": "Bernoulli(logits=zeros(3))", "repr": repr(D.Bernoulli(logits=torch.zeros(3)))},
    ]


def main():
    doc = {"generator": f"tools/golden/gen_distributions.py, torch {torch.__version__}, mkl {torch.backends.mkl.is_available()}",
           "cases": cases(), "samples": samples(), "kl": kls(), "errors": errors(), "reprs": reprs()}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as fh:
        json.dump(doc, fh, indent=1)
    print("wrote", OUT, len(doc["cases"]), "cases", len(doc["samples"]), "samples", len(doc["kl"]), "kl", len(doc["errors"]), "errors")


if __name__ == "__main__":
    main()
