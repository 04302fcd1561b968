#include "runtime/LinearPropagator.h"

#include "expr/MathFunctions.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <memory>

namespace {

using spikestudio::kMaxLinearSystem;
constexpr int kMaxAugmented = 2 * kMaxLinearSystem;

struct Square {
    int n;
    double v[kMaxAugmented * kMaxAugmented];
    double& at(int r, int c) { return v[r * n + c]; }
    double at(int r, int c) const { return v[r * n + c]; }
};

void multiply(const Square& a, const Square& b, Square& out) {
    out.n = a.n;
    for (int r = 0; r < a.n; ++r)
        for (int c = 0; c < a.n; ++c) {
            double sum = 0.0;
            for (int k = 0; k < a.n; ++k)
                sum += a.at(r, k) * b.at(k, c);
            out.at(r, c) = sum;
        }
}

double infinityNorm(const Square& a) {
    double norm = 0.0;
    for (int r = 0; r < a.n; ++r) {
        double row = 0.0;
        for (int c = 0; c < a.n; ++c)
            row += std::fabs(a.at(r, c));
        norm = std::max(norm, row);
    }
    return norm;
}

// exp(X) by scaling and squaring: scale until |X| <= 1/2, sum the Taylor
// series until its terms vanish in double precision, then square back.
void exponential(Square& x) {
    const double norm = infinityNorm(x);
    int squarings = 0;
    if (norm > 0.5)
        squarings = static_cast<int>(std::ceil(std::log2(norm / 0.5)));
    const double scale = std::ldexp(1.0, -squarings);
    for (int k = 0; k < x.n * x.n; ++k)
        x.v[k] *= scale;
    Square sum{x.n, {}}, term{x.n, {}}, next{x.n, {}};
    for (int r = 0; r < x.n; ++r)
        sum.at(r, r) = term.at(r, r) = 1.0;
    for (int order = 1; order <= 30; ++order) {
        multiply(term, x, next);
        for (int k = 0; k < x.n * x.n; ++k) {
            term.v[k] = next.v[k] / order;
            sum.v[k] += term.v[k];
        }
        if (infinityNorm(term) < 1e-18 * infinityNorm(sum))
            break;
    }
    for (int s = 0; s < squarings; ++s) {
        multiply(sum, sum, next);
        sum = next;
    }
    x = sum;
}

// Kernels ask for the same propagator every step (M changes only when a
// constant does, dt never): the last few answers are kept, keyed by the exact
// bits of the input, so a step costs a comparison instead of an exponential.
struct RememberedPropagator {
    int n = -1;
    double dt = 0.0;
    double M[kMaxLinearSystem * kMaxLinearSystem];
    double A[kMaxLinearSystem * kMaxLinearSystem];
    double G[kMaxLinearSystem * kMaxLinearSystem];

    bool answers(int size, const double* matrix, double step) const {
        return n == size && std::memcmp(&dt, &step, sizeof step) == 0 &&
               std::memcmp(M, matrix, sizeof(double) * size * size) == 0;
    }
};

struct PropagatorMemory {
    std::array<RememberedPropagator, 8> entries;
    size_t next = 0; // replaced round robin

    RememberedPropagator* find(int n, const double* M, double dt) {
        for (RememberedPropagator& entry : entries)
            if (entry.answers(n, M, dt))
                return &entry;
        return nullptr;
    }
};

// One memory per thread: kernels of different runs never share it.
PropagatorMemory& propagatorMemory() {
    thread_local std::unique_ptr<PropagatorMemory> memory = std::make_unique<PropagatorMemory>();
    return *memory;
}

bool isDiagonal(int n, const double* M) {
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c)
            if (r != c && M[r * n + c] != 0.0)
                return false;
    return true;
}

// Uncoupled variables (STDP traces, conductances): each decays on its own,
// A = exp(m dt) and G = (exp(m dt) - 1) / m, as Brian2's exact solution reads.
// The kernels' own exp, so that an event-driven decay written out inline in a
// kernel (KernelBody::decayUpdate) gives the same bits.
void diagonalPropagator(int n, const double* M, double dt, double* A, double* G) {
    std::fill(A, A + n * n, 0.0);
    std::fill(G, G + n * n, 0.0);
    for (int k = 0; k < n; ++k) {
        const double rate = M[k * n + k];
        A[k * n + k] = spikestudio_exp(rate * dt);
        G[k * n + k] = rate == 0.0 ? dt : std::expm1(rate * dt) / rate;
    }
}

// Van Loan: exp([[M, I], [0, 0]] dt) = [[A, G], [0, I]].
void computePropagator(int n, const double* M, double dt, double* A, double* G) {
    if (isDiagonal(n, M))
        return diagonalPropagator(n, M, dt, A, G);
    Square augmented{2 * n, {}};
    for (int r = 0; r < n; ++r) {
        for (int c = 0; c < n; ++c)
            augmented.at(r, c) = M[r * n + c] * dt;
        augmented.at(r, n + r) = dt;
    }
    exponential(augmented);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            A[r * n + c] = augmented.at(r, c);
            G[r * n + c] = augmented.at(r, n + c);
        }
}

} // namespace

extern "C" void spikestudio_linear_propagator(int n, const double* M, double dt, double* A,
                                              double* G) {
    n = std::clamp(n, 0, kMaxLinearSystem);
    const size_t bytes = sizeof(double) * n * n;
    PropagatorMemory& memory = propagatorMemory();
    RememberedPropagator* entry = memory.find(n, M, dt);
    if (!entry) {
        entry = &memory.entries[memory.next];
        memory.next = (memory.next + 1) % memory.entries.size();
        computePropagator(n, M, dt, entry->A, entry->G);
        entry->n = n;
        entry->dt = dt;
        std::memcpy(entry->M, M, bytes);
    }
    std::memcpy(A, entry->A, bytes);
    std::memcpy(G, entry->G, bytes);
}
