#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace spikestudio {

/// How generated C writes each draw a kernel makes from its generator. The
/// emitter writes them; the draw planner (KernelBody) finds them again in a
/// filled template to draw their numbers ahead.
inline const std::string kUniformDraw = "spikestudio_rand(_context->rng)";
inline const std::string kNormalDraw = "spikestudio_randn(_context->rng)";
/// Followed by "n, p)": numpy's binomial(n, p) (a BinomialFunction).
inline const std::string kBinomialDraw = "spikestudio_binomial(_context->rng, ";

/// The C of numpy's normal(mean, deviation): mean + deviation * a standard
/// normal, as numpy computes it (a BinomialFunction's or PoissonInput's
/// normal approximation).
std::string normalDrawText(double mean, double deviation);

/// The C of numpy's binomial(trials, probability), numbers only.
std::string binomialDrawText(long long trials, double probability);

/// A binomial draw read back from C text.
struct BinomialDrawText {
    long long trials = 0;
    double probability = 0.0;
    size_t length = 0; // of its text
};

/// The binomial draw written at `at` in `text`, or nothing.
std::optional<BinomialDrawText> binomialDrawAt(const std::string& text, size_t at);

} // namespace spikestudio
