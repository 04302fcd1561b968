#include "codegen/DrawText.h"

#include "codegen/CEmitter.h"
#include "expr/ExprText.h"

#include <charconv>

namespace spikestudio {

std::string normalDrawText(double mean, double deviation) {
    return "(" + cLiteral(mean) + " + " + cLiteral(deviation) + " * " + kNormalDraw + ")";
}

std::string binomialDrawText(long long trials, double probability) {
    std::string p = formatNumber(probability); // reads back exactly; p is from 0 to 1
    if (p.find_first_of(".e") == std::string::npos)
        p += ".0";
    return kBinomialDraw + std::to_string(trials) + ", " + p + ")";
}

std::optional<BinomialDrawText> binomialDrawAt(const std::string& text, size_t at) {
    if (text.compare(at, kBinomialDraw.size(), kBinomialDraw) != 0)
        return std::nullopt;
    BinomialDrawText draw;
    const char* first = text.data() + at + kBinomialDraw.size();
    const char* end = text.data() + text.size();
    const auto trials = std::from_chars(first, end, draw.trials);
    if (trials.ec != std::errc() || end - trials.ptr < 2 || trials.ptr[0] != ',')
        return std::nullopt;
    const auto probability = std::from_chars(trials.ptr + 2, end, draw.probability);
    if (probability.ec != std::errc() || probability.ptr == end || *probability.ptr != ')')
        return std::nullopt;
    draw.length = static_cast<size_t>(probability.ptr + 1 - (text.data() + at));
    return draw;
}

} // namespace spikestudio
