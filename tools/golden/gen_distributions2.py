#!/usr/bin/env python3
"""Golden data for the second batch of Flint's torch.distributions (families, transforms, constraints).

Run with the system interpreter (Debian python3-torch 1.13):
    /usr/bin/python3 tools/golden/gen_distributions2.py
Writes tests/golden/distributions2.json in the format of distributions.json (cases, samples, kl, errors) plus
  transforms:  forward / inverse / log_abs_det_jacobian of each transform at fixed inputs
  constraints: check() of each constraint at fixed values, and its repr
"""
import json
import math
import os

import torch
import torch.distributions as D
import torch.distributions.transforms as TR
from torch.distributions import constraints as C
from torch.distributions.relaxed_bernoulli import LogitRelaxedBernoulli
from torch.distributions.relaxed_categorical import ExpRelaxedCategorical

torch.set_num_threads(1)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "distributions2.json"))


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


F32 = torch.float32

# (dist name, kwargs, value for log_prob, value for icdf)
CASES = [
    ("HalfNormal", dict(scale=T([1.0, 0.5, 2.5])), T([0.3, 1.2, 0.0]), T([0.1, 0.5, 0.9])),
    ("HalfNormal", dict(scale=T([1.0, 0.5], F32)), T([0.3, 1.2], F32), T([0.2, 0.7], F32)),
    ("HalfCauchy", dict(scale=T([1.0, 0.5, 2.5])), T([0.3, 1.2, 4.0]), T([0.1, 0.5, 0.9])),
    ("Weibull", dict(scale=T([1.0, 2.0, 0.5]), concentration=T([0.7, 1.5, 3.0])), T([0.3, 2.2, 0.4]), T([0.1, 0.5, 0.9])),
    ("Weibull", dict(scale=T([1.0, 2.0], F32), concentration=T([0.7, 1.5], F32)), T([0.3, 2.2], F32), T([0.1, 0.5], F32)),
    ("Pareto", dict(scale=T([1.0, 2.0, 0.5]), alpha=T([0.7, 1.5, 3.0])), T([1.3, 2.2, 4.0]), T([0.1, 0.5, 0.9])),
    ("Pareto", dict(scale=T([1.0, 0.5]), alpha=T([2.5, 4.5])), T([1.3, 0.6]), T([0.1, 0.5])),
    ("Kumaraswamy", dict(concentration1=T([0.5, 2.0, 3.0]), concentration0=T([0.7, 1.5, 4.0])), T([0.3, 0.6, 0.2]), T([0.1, 0.5, 0.9])),
    ("Kumaraswamy", dict(concentration1=T([0.5, 2.0], F32), concentration0=T([0.7, 1.5], F32)), T([0.3, 0.6], F32), None),
    ("Geometric", dict(probs=T([0.2, 0.7, 1.0])), T([3.0, 0.0, 0.0]), None),
    ("Geometric", dict(logits=T([-1.0, 0.5])), T([2.0, 5.0]), None),
    ("Geometric", dict(probs=T([0.2, 0.7], F32)), T([3.0, 1.0], F32), None),
    ("NegativeBinomial", dict(total_count=T([5.0, 2.5, 0.0]), probs=T([0.3, 0.6, 0.5])), T([2.0, 4.0, 0.0]), None),
    ("NegativeBinomial", dict(total_count=T([3.0]), logits=T([-1.0, 0.5])), T([0.0, 7.0]), None),
    ("Chi2", dict(df=T([1.0, 3.0, 7.5])), T([0.3, 2.5, 6.0]), None),
    ("Chi2", dict(df=T([1.0, 3.0], F32)), T([0.3, 2.5], F32), None),
    ("FisherSnedecor", dict(df1=T([1.0, 3.0, 7.5]), df2=T([2.0, 5.0, 9.0])), T([0.3, 2.5, 1.0]), None),
    ("LogitRelaxedBernoulli", dict(temperature=T(0.5), probs=T([0.2, 0.7])), T([-0.3, 1.5]), None),
    ("LogitRelaxedBernoulli", dict(temperature=T(2.0), logits=T([-1.0, 0.3])), T([0.3, -2.0]), None),
    ("RelaxedBernoulli", dict(temperature=T(0.5), probs=T([0.2, 0.7])), T([0.3, 0.9]), None),
    ("RelaxedBernoulli", dict(temperature=T([0.5, 2.0]), logits=T([-1.0, 0.3])), T([0.6, 0.2]), None),
    ("ExpRelaxedCategorical", dict(temperature=T(0.7), probs=T([[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]])),
     T([[-2.0, -1.5, -0.4], [-1.0, -1.2, -1.1]]), None),
    ("RelaxedOneHotCategorical", dict(temperature=T(0.7), probs=T([[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]])),
     T([[0.2, 0.3, 0.5], [0.6, 0.1, 0.3]]), None),
    ("RelaxedOneHotCategorical", dict(temperature=T(1.5), logits=T([0.5, -1.0, 2.0])), T([0.1, 0.2, 0.7]), None),
    ("IndependentNormal", dict(loc=T([[0.0, 1.0, 2.0], [0.5, 0.5, 0.5]]), scale=T([1.0, 2.0, 0.5]), ndims=1),
     T([0.3, -1.0, 2.2]), None),
    ("IndependentNormal", dict(loc=T([[0.0, 1.0, 2.0], [0.5, 0.5, 0.5]]), scale=T([1.0, 2.0, 0.5]), ndims=2),
     T([[0.3, -1.0, 2.2], [0.0, 0.0, 0.0]]), None),
    ("LogisticTD", dict(loc=T([0.5, -1.0]), scale=T([2.0, 0.5])), T([0.3, -0.2]), T([0.25, 0.6])),
]


def make(name, kw):
    if name == "IndependentNormal":
        return D.Independent(D.Normal(kw["loc"], kw["scale"]), kw["ndims"])
    if name == "LogisticTD":
        base = D.Uniform(torch.zeros_like(kw["loc"]), torch.ones_like(kw["loc"]))
        return D.TransformedDistribution(base, [TR.SigmoidTransform().inv, TR.AffineTransform(kw["loc"], kw["scale"])])
    if name == "LogitRelaxedBernoulli":
        return LogitRelaxedBernoulli(**kw)
    if name == "ExpRelaxedCategorical":
        return ExpRelaxedCategorical(**kw)
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
             "mode": maybe(lambda: d.mode),
             "value": enc(value), "log_prob": enc(d.log_prob(value)), "entropy": maybe(lambda: d.entropy())}
        c["cdf"] = maybe(lambda: d.cdf(value))
        c["icdf_value"] = enc(icdf_value)
        c["icdf"] = maybe(lambda: d.icdf(icdf_value)) if icdf_value is not None else None
        c["has_rsample"] = d.has_rsample
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
    ("HalfNormal", dict(scale=T([1.0, 0.5, 2.5], F32)), 1, [("sample", [4]), ("rsample", [2])]),
    ("HalfNormal", dict(scale=T([1.0, 0.5, 2.5])), 2, [("rsample", [5])]),
    ("HalfCauchy", dict(scale=T([1.0, 0.5], F32)), 3, [("sample", [4]), ("rsample", [3])]),
    ("Weibull", dict(scale=T([1.0, 2.0, 0.5], F32), concentration=T([0.7, 1.5, 3.0], F32)), 4, [("sample", [4]), ("rsample", [3])]),
    ("Weibull", dict(scale=T([1.0, 2.0]), concentration=T([0.7, 1.5])), 5, [("rsample", [5])]),
    ("Pareto", dict(scale=T([1.0, 2.0], F32), alpha=T([0.7, 3.0], F32)), 6, [("sample", [4]), ("rsample", [3])]),
    ("Pareto", dict(scale=T([1.0, 2.0]), alpha=T([0.7, 3.0])), 7, [("rsample", [5])]),
    ("Kumaraswamy", dict(concentration1=T([0.5, 2.0], F32), concentration0=T([0.7, 1.5], F32)), 8, [("sample", [4]), ("rsample", [3])]),
    ("Kumaraswamy", dict(concentration1=T([0.5, 2.0]), concentration0=T([0.7, 1.5])), 9, [("rsample", [5])]),
    ("Geometric", dict(probs=T([0.2, 0.7, 0.5], F32)), 10, [("sample", [6]), ("sample", [])]),
    ("Geometric", dict(probs=T([0.2, 0.7])), 11, [("sample", [5])]),
    ("NegativeBinomial", dict(total_count=T([5.0, 2.5]), probs=T([0.3, 0.6])), 12, [("sample", [5])]),
    ("NegativeBinomial", dict(total_count=T([5.0, 2.5], F32), probs=T([0.3, 0.6], F32)), 13, [("sample", [4])]),
    ("Chi2", dict(df=T([1.0, 3.0, 7.5])), 14, [("sample", [4]), ("rsample", [3])]),
    ("Chi2", dict(df=T([1.0, 3.0], F32)), 15, [("sample", [5])]),
    ("FisherSnedecor", dict(df1=T([1.0, 3.0]), df2=T([2.0, 5.0])), 16, [("sample", [4]), ("rsample", [3])]),
    ("FisherSnedecor", dict(df1=T([1.0, 3.0], F32), df2=T([2.0, 5.0], F32)), 17, [("sample", [5])]),
    ("LogitRelaxedBernoulli", dict(temperature=T(0.5, F32), probs=T([0.2, 0.7], F32)), 18, [("sample", [4]), ("rsample", [3])]),
    ("RelaxedBernoulli", dict(temperature=T(0.5), probs=T([0.2, 0.7])), 19, [("sample", [4]), ("rsample", [3])]),
    ("RelaxedBernoulli", dict(temperature=T(0.5, F32), logits=T([-1.0, 0.3], F32)), 20, [("rsample", [5])]),
    ("ExpRelaxedCategorical", dict(temperature=T(0.7), probs=T([[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]])), 21, [("sample", [3]), ("rsample", [2])]),
    ("RelaxedOneHotCategorical", dict(temperature=T(0.7), probs=T([[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]])), 22, [("sample", [3]), ("rsample", [2])]),
    ("RelaxedOneHotCategorical", dict(temperature=T(1.5, F32), logits=T([0.5, -1.0, 2.0], F32)), 23, [("rsample", [4])]),
    ("IndependentNormal", dict(loc=T([[0.0, 1.0, 2.0], [0.5, 0.5, 0.5]]), scale=T([1.0, 2.0, 0.5]), ndims=1), 24, [("sample", [3]), ("rsample", [2])]),
    ("LogisticTD", dict(loc=T([0.5, -1.0]), scale=T([2.0, 0.5])), 25, [("sample", [4]), ("rsample", [3])]),
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
    ("Geometric", dict(probs=T([0.2, 0.7])), "Geometric", dict(probs=T([0.5, 0.3]))),
    ("HalfNormal", dict(scale=T([1.0, 0.5])), "HalfNormal", dict(scale=T([2.0, 0.7]))),
    ("Pareto", dict(scale=T([1.0, 2.0, 0.5]), alpha=T([0.7, 1.5, 3.0])), "Pareto", dict(scale=T([0.5, 2.5, 0.5]), alpha=T([1.0, 2.0, 0.5]))),
    ("Chi2", dict(df=T([1.0, 3.0])), "Chi2", dict(df=T([2.0, 5.0]))),
    ("IndependentNormal", dict(loc=T([[0.0, 1.0, 2.0], [0.5, 0.5, 0.5]]), scale=T([1.0, 2.0, 0.5]), ndims=1),
     "IndependentNormal", dict(loc=T([0.0, 0.0, 0.0]), scale=T([1.0, 1.0, 1.0]), ndims=1)),
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
    return [
        error("halfnormal_negative_scale", lambda: D.HalfNormal(T([1.0, -1.0]))),
        error("halfnormal_value_outside_support", lambda: D.HalfNormal(T([1.0, 1.0])).log_prob(T([-1.0, 1.0]))),
        error("halfcauchy_negative_scale", lambda: D.HalfCauchy(T([-1.0]))),
        error("weibull_negative_concentration", lambda: D.Weibull(T([1.0, 1.0]), T([1.0, -2.0]))),
        error("pareto_negative_alpha", lambda: D.Pareto(T([1.0]), T([-1.0]))),
        error("pareto_negative_scale", lambda: D.Pareto(T([-1.0]), T([1.0]))),
        error("pareto_value_below_scale", lambda: D.Pareto(T([1.0]), T([1.0])).log_prob(T([0.5]))),
        error("kumaraswamy_negative", lambda: D.Kumaraswamy(T([1.0]), T([-1.0]))),
        error("geometric_zero_probs", lambda: D.Geometric(probs=T([0.0, 0.5]))),
        error("geometric_neither", lambda: D.Geometric()),
        error("geometric_value_not_integer", lambda: D.Geometric(probs=T([0.5])).log_prob(T([0.5]))),
        error("negbin_probs_one", lambda: D.NegativeBinomial(T([2.0]), probs=T([1.0]))),
        error("negbin_negative_count", lambda: D.NegativeBinomial(T([-2.0]), probs=T([0.5]))),
        error("chi2_negative_df", lambda: D.Chi2(T([-1.0, 2.0]))),
        error("fisher_negative_df1", lambda: D.FisherSnedecor(T([-1.0]), T([2.0]))),
        error("relaxedbernoulli_probs_above_one", lambda: D.RelaxedBernoulli(T(0.5), probs=T([1.5]))),
        error("independent_too_many_dims", lambda: D.Independent(D.Normal(T([0.0]), T([1.0])), 2)),
        error("kl_independent_normal_halfnormal", lambda: D.kl_divergence(D.HalfNormal(T(1.0)), D.Normal(T(0.0), T(1.0)))),
    ]


def reprs():
    return [
        {"args": "HalfNormal(ones(2))", "repr": repr(D.HalfNormal(torch.ones(2)))},
        {"args": "Weibull(ones(2), ones(2))", "repr": repr(D.Weibull(torch.ones(2), torch.ones(2)))},
        {"args": "Pareto(1.0, 2.0)", "repr": repr(D.Pareto(torch.tensor(1.0), torch.tensor(2.0)))},
        {"args": "Independent(Normal(zeros(3), ones(3)), 1)", "repr": repr(D.Independent(D.Normal(torch.zeros(3), torch.ones(3)), 1))},
        {"args": "Chi2(ones(2))", "repr": repr(D.Chi2(torch.ones(2)))},
        {"args": "Geometric(probs=0.5)", "repr": repr(D.Geometric(probs=torch.tensor(0.5)))},
    ]


X = T([[-1.5, -0.2, 0.0, 0.7, 2.5], [0.3, 1.1, -0.8, 4.0, -3.0]])
XP = T([[0.2, 0.7, 1.0, 1.9, 3.5], [0.01, 1.1, 0.5, 4.0, 2.0]])
XU = T([[0.05, 0.2, 0.5, 0.8, 0.99], [0.3, 0.6, 0.45, 0.01, 0.7]])
XT = T([[-0.9, -0.2, 0.0, 0.3, 0.95], [0.5, -0.5, 0.1, -0.99, 0.7]])

# (name, ctor args for Flint, transform, input x, input y for the inverse)
TRANSFORMS = [
    ("ExpTransform", {}, TR.ExpTransform(), X, XP),
    ("ExpTransform_inv", {}, TR.ExpTransform().inv, XP, X),
    ("AbsTransform", {}, TR.AbsTransform(), X, XP),
    ("AffineTransform", {"loc": 0.5, "scale": -2.0}, TR.AffineTransform(0.5, -2.0), X, X),
    ("AffineTransformTensor", {"loc": enc(T([0.5, 1.0, 0.0, -1.0, 2.0])), "scale": enc(T([2.0, -0.5, 1.0, 3.0, 0.25]))},
     TR.AffineTransform(T([0.5, 1.0, 0.0, -1.0, 2.0]), T([2.0, -0.5, 1.0, 3.0, 0.25])), X, X),
    ("AffineTransformEvent1", {"loc": enc(T([0.5, 1.0, 0.0, -1.0, 2.0])), "scale": enc(T([2.0, -0.5, 1.0, 3.0, 0.25])), "event_dim": 1},
     TR.AffineTransform(T([0.5, 1.0, 0.0, -1.0, 2.0]), T([2.0, -0.5, 1.0, 3.0, 0.25]), event_dim=1), X, X),
    ("PowerTransform", {"exponent": enc(T(2.5))}, TR.PowerTransform(T(2.5)), XP, XP),
    ("SigmoidTransform", {}, TR.SigmoidTransform(), X, XU),
    ("SoftplusTransform", {}, TR.SoftplusTransform(), X, XP),
    ("TanhTransform", {}, TR.TanhTransform(), X, XT),
    ("SoftmaxTransform", {}, TR.SoftmaxTransform(), X, XU / XU.sum(-1, True)),
    ("ReshapeTransform", {"in_shape": [5], "out_shape": [5, 1]}, TR.ReshapeTransform((5,), (5, 1)), X, X.reshape(2, 5, 1)),
    ("ComposeTransform", {}, TR.ComposeTransform([TR.AffineTransform(0.5, 2.0), TR.ExpTransform()]), X, XP),
    ("IndependentTransform", {}, TR.IndependentTransform(TR.SigmoidTransform(), 1), X, XU),
]


def transforms():
    out = []
    for name, args, t, x, y in TRANSFORMS:
        c = {"name": name, "args": args, "x": enc(x), "y": enc(y), "forward": enc(t(x)), "inverse": maybe(lambda: t.inv(y)),
             "domain_event_dim": t.domain.event_dim, "codomain_event_dim": t.codomain.event_dim, "bijective": bool(t.bijective)}
        try:
            c["ladj"] = enc(t.log_abs_det_jacobian(x, t(x)))
        except NotImplementedError:
            c["ladj"] = None
        try:
            c["forward_shape"] = list(t.forward_shape(torch.Size([3, 5])))
            c["inverse_shape"] = list(t.inverse_shape(torch.Size([3] + list(t.forward_shape(torch.Size([5]))))))
        except Exception:  # noqa: BLE001
            c["forward_shape"] = None
            c["inverse_shape"] = None
        out.append(c)
    return out


V1 = T([-1.0, 0.0, 0.5, 1.0, 2.0, float("nan"), float("inf")])
VM = T([[[1.0, 0.0], [0.5, 2.0]], [[1.0, 0.3], [0.3, 1.0]], [[1.0, 0.0], [0.0, 0.0]], [[-1.0, 0.0], [2.0, -1.0]],
        [[1.0, 2.0], [2.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]]])
VMS = T([[[1.0, 0.3], [0.3, 1.0]], [[1.0, 2.0], [2.0, 1.0]], [[1.0, 0.0], [0.0, 0.0]], [[2.0, 0.0], [0.0, 1.0]]])
VS = T([[0.2, 0.3, 0.5], [0.5, 0.6, -0.1], [1.0, 0.0, 0.0], [0.3, 0.3, 0.3]])
VO = T([[0.0, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.5, 0.5]])
VC = torch.stack([torch.eye(2, dtype=torch.float64), T([[1.0, 0.0], [0.6, 0.8]]), T([[1.0, 0.0], [0.6, 0.7]]), T([[1.0, 0.5], [0.0, 1.0]])])

# (name, constraint, value)
CONSTRAINTS = [
    ("real", C.real, V1), ("boolean", C.boolean, V1), ("positive", C.positive, V1), ("nonnegative", C.nonnegative, V1),
    ("unit_interval", C.unit_interval, V1), ("nonnegative_integer", C.nonnegative_integer, V1),
    ("positive_integer", C.positive_integer, V1),
    ("greater_than", C.greater_than(0.5), V1), ("greater_than_eq", C.greater_than_eq(0.5), V1), ("less_than", C.less_than(1.0), V1),
    ("interval", C.interval(0.0, 1.0), V1), ("half_open_interval", C.half_open_interval(0.0, 1.0), V1),
    ("integer_interval", C.integer_interval(0, 1), V1),
    ("real_vector", C.real_vector, VS), ("simplex", C.simplex, VS), ("one_hot", C.one_hot, VO),
    ("multinomial", C.multinomial(1), VO),
    ("independent", C.independent(C.positive, 1), VS),
    ("lower_triangular", C.lower_triangular, VM), ("lower_cholesky", C.lower_cholesky, VM),
    ("square", C.square, VM), ("symmetric", C.symmetric, VM),
    ("positive_semidefinite", C.positive_semidefinite, VM), ("positive_definite", C.positive_definite, VM),
    ("positive_semidefinite_sym", C.positive_semidefinite, VMS), ("positive_definite_sym", C.positive_definite, VMS),
    ("symmetric_sym", C.symmetric, VMS),
    ("integer_less_than", C._IntegerLessThan(1), V1),
    ("corr_cholesky", C.corr_cholesky, VC),
    ("cat", C.cat([C.positive, C.real], 0, [3, 4]), V1),
    ("stack", C.stack([C.positive, C.real, C.unit_interval], 0), T([[1.0, -1.0], [-1.0, 2.0], [0.5, 1.5]])),
]


def constraint_cases():
    out = []
    for name, c, v in CONSTRAINTS:
        out.append({"name": name, "value": enc(v), "check": enc(c.check(v)), "repr": repr(c),
                    "event_dim": c.event_dim, "is_discrete": c.is_discrete})
    return out


def main():
    doc = {"generator": f"tools/golden/gen_distributions2.py, torch {torch.__version__}",
           "cases": cases(), "samples": samples(), "kl": kls(), "errors": errors(), "reprs": reprs(),
           "transforms": transforms(), "constraints": constraint_cases()}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as fh:
        json.dump(doc, fh, indent=1)
    print("wrote", OUT, {k: len(v) for k, v in doc.items() if isinstance(v, list)})


if __name__ == "__main__":
    main()
