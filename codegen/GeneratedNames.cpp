#include "codegen/GeneratedNames.h"

#include "codegen/KernelTemplates.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

namespace spikestudio {

namespace {

template <size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

constexpr std::array<std::string_view, 7> kKeywords = {"void", "double", "const",   "for",
                                                       "if",   "else",   "restrict"};

constexpr std::array<std::string_view, 47> kRuntimeSymbols = {"int64_t",
                                                              "int32_t",
                                                              "SpikeStudioKernelContext",
                                                              "sin",
                                                              "cos",
                                                              "tan",
                                                              "sinh",
                                                              "cosh",
                                                              "tanh",
                                                              "asin",
                                                              "acos",
                                                              "atan",
                                                              "spikestudio_exp",
                                                              "log",
                                                              "log10",
                                                              "expm1",
                                                              "log1p",
                                                              "sqrt",
                                                              "fabs",
                                                              "ceil",
                                                              "floor",
                                                              "pow",
                                                              "spikestudio_kernel",
                                                              "spikestudio_exprel",
                                                              "spikestudio_int",
                                                              "spikestudio_mod",
                                                              "spikestudio_sign",
                                                              "spikestudio_floordiv",
                                                              "spikestudio_clip",
                                                              "spikestudio_first_at_least",
                                                              "spikestudio_timestep",
                                                              "spikestudio_rand",
                                                              "spikestudio_randn",
                                                              "spikestudio_poisson",
                                                              "spikestudio_binomial_inversion",
                                                              "spikestudio_binomial",
                                                              "spikestudio_timed_array_1d",
                                                              "spikestudio_timed_array_2d",
                                                              "spikestudio_queue_push",
                                                              "spikestudio_queue_block",
                                                              "spikestudio_queue_advance",
                                                              "spikestudio_linear_propagator",
                                                              "SpikeStudioOdeCall",
                                                              "spikestudio_ode_begin",
                                                              "spikestudio_ode_step",
                                                              "spikestudio_ode_end",
                                                              "spikestudio_rhs"};

// The kernel context's fields, then SpikeStudioOdeCall's (the GSL methods).
constexpr std::array<std::string_view, 21> kContextFields = {
    "t",         "dt",         "timestep", "size",          "rng",        "events",
    "pre",       "post",       "queue",    "sourceSize",    "targetSize", "first",
    "last",      "eventCount", "draws",    "targetsAscend", "drawCount",  "arrays",
    "constants", "hoisted",    "idx"};

constexpr std::array<std::string_view, 47> kTemplateLocals = {"_arrays",
                                                              "_constants",
                                                              "_context",
                                                              "_t",
                                                              "_dt",
                                                              "_N",
                                                              "_idx",
                                                              "_k",
                                                              "_count",
                                                              "_events",
                                                              "_due",
                                                              "_record",
                                                              "_row",
                                                              "_sum",
                                                              "_neuron",
                                                              "_pre",
                                                              "_post",
                                                              "_synaptic_pre",
                                                              "_synaptic_post",
                                                              "_timestep_q",
                                                              "_block",
                                                              "_end",
                                                              "_crossed",
                                                              "_any",
                                                              "_crossing",
                                                              "_first",
                                                              "_lo",
                                                              "_hi",
                                                              "_from",
                                                              "_to",
                                                              "_d",
                                                              "_base",
                                                              "_targets",
                                                              "_target",
                                                              "_gaps",
                                                              "_j",
                                                              "_run",
                                                              "_source",
                                                              "_stop",
                                                              "_call",
                                                              "_call_address",
                                                              "_y",
                                                              "_f",
                                                              "_errors",
                                                              "_hoisted",
                                                              "_solver",
                                                              "_counts"};

constexpr std::string_view kNumberedKinds = "avtehAGMB";

bool isDigit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

bool isIdentifierChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

/// `_` kind digits [`_` digits]
bool isNumberedLocal(std::string_view word) {
    if (word.size() < 3 || word[0] != '_' || kNumberedKinds.find(word[1]) == std::string_view::npos)
        return false;
    size_t at = 2;
    const auto digits = [&] {
        const size_t start = at;
        while (at < word.size() && isDigit(word[at]))
            ++at;
        return at > start;
    };
    if (!digits())
        return false;
    if (at == word.size())
        return true;
    return word[at++] == '_' && digits() && at == word.size();
}

/// Scans generated C, collecting what breaks the grammar.
class Scanner {
public:
    explicit Scanner(std::string_view code) : code_(code) {}

    std::vector<std::string> breaches() {
        while (at_ < code_.size()) {
            const char c = code_[at_];
            if (startsWith("/*"))
                skipPast("*/");
            else if (startsWith("//"))
                skipPast("\n");
            else if (c == '"' || c == '\'' || c == '#')
                breachUntilLineEnd();
            else if (isDigit(c) || (c == '.' && at_ + 1 < code_.size() && isDigit(code_[at_ + 1])))
                skipNumber();
            else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_')
                identifier();
            else
                punctuation();
        }
        return breaches_;
    }

private:
    bool startsWith(std::string_view piece) const { return code_.substr(at_).starts_with(piece); }

    void skipPast(std::string_view end) {
        const size_t found = code_.find(end, at_);
        at_ = found == std::string_view::npos ? code_.size() : found + end.size();
    }

    void breachUntilLineEnd() {
        const size_t end = std::min(code_.find('\n', at_), code_.size());
        breaches_.emplace_back(code_.substr(at_, end - at_));
        at_ = end;
    }

    // 12, 1.5, 1e-05, 2.5E+3: an exponent's sign belongs to the number.
    void skipNumber() {
        while (at_ < code_.size()) {
            const char c = code_[at_];
            const bool sign =
                (c == '+' || c == '-') && (code_[at_ - 1] == 'e' || code_[at_ - 1] == 'E');
            if (!isIdentifierChar(c) && c != '.' && !sign)
                break;
            ++at_;
        }
        afterArrow_ = false;
    }

    void identifier() {
        const size_t start = at_;
        while (at_ < code_.size() && isIdentifierChar(code_[at_]))
            ++at_;
        const std::string_view word = code_.substr(start, at_ - start);
        const bool fits =
            afterArrow_ ? isContextField(word)
                        : isKernelKeyword(word) || isRuntimeSymbol(word) || isGeneratedName(word);
        if (!fits)
            breaches_.emplace_back(word);
        afterArrow_ = false;
    }

    void punctuation() {
        if (std::isspace(static_cast<unsigned char>(code_[at_]))) {
            ++at_;
            return;
        }
        afterArrow_ = startsWith("->") || code_[at_] == '.';
        at_ += startsWith("->") ? 2 : 1;
    }

    std::string_view code_;
    size_t at_ = 0;
    bool afterArrow_ = false; // the next identifier is a member
    std::vector<std::string> breaches_;
};

} // namespace

bool isKernelKeyword(std::string_view word) {
    return listed(kKeywords, word);
}

bool isRuntimeSymbol(std::string_view word) {
    return listed(kRuntimeSymbols, word);
}

bool isContextField(std::string_view word) {
    return listed(kContextFields, word);
}

bool isGeneratedName(std::string_view word) {
    return listed(kTemplateLocals, word) || isNumberedLocal(word);
}

std::vector<std::string> breachesOfNameGrammar(std::string_view code) {
    return Scanner(code).breaches();
}

void requireGeneratedNames(const std::string& kernelSource) {
    const std::string& prelude = kernelTemplate("prelude");
    if (!kernelSource.starts_with(prelude))
        throw std::logic_error("generated C does not start with the kernel prelude");
    const std::vector<std::string> breaches =
        breachesOfNameGrammar(std::string_view(kernelSource).substr(prelude.size()));
    if (!breaches.empty())
        throw std::logic_error("generated C holds '" + breaches.front().substr(0, 40) +
                               "', which is not a generated name");
}

} // namespace spikestudio
