#!/usr/bin/env python3
"""Independent evidence check for a D-N-1 BNN (sigmoid hidden units, sigmoid output, Bernoulli likelihood) under the
uniform(-A, A) prior on every parameter: importance sampling from a Student-t mixture fitted to a nested-sampling
run's posterior, symmetrised over the 2^N N! hidden-unit symmetries, with a defensive uniform component. Unbiased
whatever the proposal; a poor proposal only inflates the reported error (watch the ESS). Independent of splitbnn's
Java code: its own likelihood, symmetries and nested-sampling weights.

usage: is_evidence.py TRAIN_CSV RUN_ROOT [N_SAMPLES] [K] [A]
TRAIN_CSV: a header naming the columns, one of them y (the label); the others are the inputs, in file order.
RUN_ROOT:  PolyChord files of a run (splitbnn run --polychord-files writes OUT/run_*): RUN_ROOT.paramnames,
           RUN_ROOT_dead-birth.txt and RUN_ROOT_phys_live-birth.txt (columns: the parameters, logL, logL_birth).
           The parameters are in splitbnn's order: w11..w1N, ..., wD1..wDN, b1_1..b1_N, W2_1..W2_N, b2.
Prints the box-relative log Z of the full prior with its standard error; for D = 2, N = 2 also the paper's
constrained region (sym(W) PD, w12 > w21, w11 > 0, w22 > 0), normalised to the region, and its log F.
"""
import itertools
import sys

import numpy as np
from scipy.special import gammaln, logsumexp

train = np.genfromtxt(sys.argv[1], delimiter=',', names=True)
names = train.dtype.names
X = np.stack([train[c] for c in names if c != 'y'], 1)
Y = train['y'].astype(float)
D = X.shape[1]
ROOT = sys.argv[2]
NS = int(float(sys.argv[3])) if len(sys.argv) > 3 else 2_000_000
K = int(sys.argv[4]) if len(sys.argv) > 4 else 32
A = float(sys.argv[5]) if len(sys.argv) > 5 else 5.0
rng = np.random.default_rng(12345)

params = [line.split()[0] for line in open(ROOT + '.paramnames') if line.strip()]
d = len(params)
NH = (d - 1) // (D + 2)
assert (D + 2) * NH + 1 == d, f"{d} parameters do not fit a network of {D} inputs"
print(f"{D}-{NH}-1 network, {d} parameters, {len(Y)} rows")


def loglike(T):
    """T: (n, d) in splitbnn's order; input i's weight to unit j is column i * NH + j."""
    W = T[:, :D * NH].reshape(-1, D, NH)
    b1 = T[:, D * NH:(D + 1) * NH]
    W2 = T[:, (D + 1) * NH:(D + 2) * NH]
    b2 = T[:, -1]
    a = np.einsum('ri,nij->nrj', X, W) + b1[:, None, :]
    z = (W2[:, None, :] / (1 + np.exp(-a))).sum(2) + b2[:, None]
    return -(Y * np.logaddexp(0, -z) + (1 - Y) * np.logaddexp(0, z)).sum(1)


if D == 2 and NH == 2:
    print(f"check logL = {loglike(np.array([[1, 2, -1, 0.5, 0.1, -0.2, 3, -2, 0.3]]))[0]:.14f}")


def unit_columns(j):
    return [i * NH + j for i in range(D)] + [D * NH + j, (D + 1) * NH + j]


def symmetries(T):
    """Every image of every row under the flips and permutations of the hidden units."""
    out = []
    for perm in itertools.permutations(range(NH)):
        for flips in itertools.product((False, True), repeat=NH):
            U = T.copy()
            for j, f in enumerate(flips):
                if f:
                    U[:, -1] += U[:, (D + 1) * NH + j]
                    U[:, unit_columns(j)] *= -1
            V = U.copy()
            for j, src in enumerate(perm):
                V[:, unit_columns(j)] = U[:, unit_columns(src)]
            out.append(V)
    return np.concatenate(out)


def in_constrained(T):
    w11, w12, w21, w22 = T[:, 0], T[:, 1], T[:, 2], T[:, 3]
    s = (w12 + w21) / 2
    return (w11 > 0) & (w22 > 0) & (w11 * w22 - s * s > 0) & (w12 > w21)


# nested-sampling weights from the dead and final live points' logL and logL_birth
dead = np.loadtxt(ROOT + '_dead-birth.txt', ndmin=2)
live = np.loadtxt(ROOT + '_phys_live-birth.txt', ndmin=2)
pts = np.concatenate([dead, live])
logL, birth = pts[:, d], pts[:, d + 1]
order = np.argsort(logL, kind='stable')
pts, logL, birth = pts[order], logL[order], birth[order]
births = np.sort(birth)
nlive = np.searchsorted(births, logL, side='left') - np.arange(len(logL))
logX = np.cumsum(np.log(nlive / (nlive + 1.0)))
logdX = np.log(-np.diff(np.concatenate([[1.0], np.exp(logX)])) + 1e-300)
lw = logdX + logL
w = np.exp(lw - lw.max())
w /= w.sum()
idx = rng.choice(len(pts), size=6000, p=w)
S = symmetries(pts[idx, :d])
print(f"posterior draws {len(idx)}, symmetrised {len(S)}")

# Gaussian mixture by EM (k-means++ start), then used as a Student-t mixture (nu = 4) for heavier tails.
cent = [S[rng.integers(len(S))]]
for _ in range(K - 1):
    d2 = np.min(((S[:, None, :] - np.array(cent)[None]) ** 2).sum(-1), 1)
    cent.append(S[rng.choice(len(S), p=d2 / d2.sum())])
mu = np.array(cent)
cov = np.array([np.cov(S.T) / K for _ in range(K)])
pi = np.full(K, 1 / K)


def comp_logpdf_gauss(Z, mu, cov):
    L = np.linalg.cholesky(cov)
    out = np.empty((len(Z), len(mu)))
    for k in range(len(mu)):
        r = np.linalg.solve(L[k], (Z - mu[k]).T)
        out[:, k] = -0.5 * (r * r).sum(0) - np.log(np.diag(L[k])).sum() - 0.5 * d * np.log(2 * np.pi)
    return out


for it in range(200):
    lp = comp_logpdf_gauss(S, mu, cov) + np.log(pi)
    r = np.exp(lp - logsumexp(lp, 1, keepdims=True))
    nk = r.sum(0) + 1e-12
    pi = nk / nk.sum()
    mu = (r.T @ S) / nk[:, None]
    for k in range(K):
        Dk = S - mu[k]
        cov[k] = (r[:, k, None] * Dk).T @ Dk / nk[k] + 1e-6 * np.eye(d)
keep = pi > 1e-4
mu, cov, pi = mu[keep], cov[keep] * 1.5, pi[keep] / pi[keep].sum()
K = len(pi)
print(f"mixture components {K}")
NU = 4.0
Lc = np.linalg.cholesky(cov)
logdet = np.array([np.log(np.diag(l)).sum() for l in Lc])
ALPHA = 0.9  # mixture share; the rest is the uniform box


def logq(Z):
    out = np.empty((len(Z), K))
    for k in range(K):
        r = np.linalg.solve(Lc[k], (Z - mu[k]).T)
        m = (r * r).sum(0)
        out[:, k] = (gammaln((NU + d) / 2) - gammaln(NU / 2) - 0.5 * d * np.log(NU * np.pi) - logdet[k]
                     - 0.5 * (NU + d) * np.log1p(m / NU))
    lmix = logsumexp(out + np.log(pi), 1)
    inbox = np.all(np.abs(Z) < A, 1)
    lbox = np.where(inbox, -d * np.log(2 * A), -np.inf)
    return np.logaddexp(np.log(ALPHA) + lmix, np.log(1 - ALPHA) + lbox)


def draw(n):
    comp = rng.choice(K, size=n, p=pi)
    g = rng.standard_normal((n, d))
    chi = rng.chisquare(NU, size=n)
    Z = mu[comp] + np.einsum('nij,nj->ni', Lc[comp], g) / np.sqrt(chi / NU)[:, None]
    box = rng.random(n) >= ALPHA
    Z[box] = rng.uniform(-A, A, size=(box.sum(), d))
    return Z


constrained = D == 2 and NH == 2
logw_full, logw_cons = [], []
CH = 20_000
for start in range(0, NS, CH):
    Z = draw(CH)
    inbox = np.all(np.abs(Z) < A, 1)
    lw_ = np.full(CH, -np.inf)
    lw_[inbox] = loglike(Z[inbox]) - d * np.log(2 * A) - logq(Z[inbox])
    logw_full.append(lw_)
    if constrained:
        logw_cons.append(np.where(inbox & in_constrained(Z), lw_, -np.inf))


def summarise(lw, name):
    m = lw.max()
    e = np.exp(lw - m)
    mean = e.mean()
    se = e.std(ddof=1) / np.sqrt(len(e))
    ess = e.sum() ** 2 / (e * e).sum()
    print(f"{name}: box-relative log Z = {m + np.log(mean):.4f} +- {se / mean:.4f}  (ESS {ess:.0f} of {len(e)})")
    return m + np.log(mean)


summarise(np.concatenate(logw_full), "full prior")
if constrained:
    zc = summarise(np.concatenate(logw_cons), "constrained region")
    u = rng.uniform(-A, A, size=(4_000_000, 4))
    F = in_constrained(np.concatenate([u, np.zeros((len(u), 5))], 1)).mean()
    print(f"constrained log F (MC, 4e6) = {np.log(F):.4f}; constrained log Z normalised to the region = "
          f"{zc - np.log(F):.4f}")
