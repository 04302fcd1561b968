#pragma once

#include "expr/Expr.h"

#include <functional>
#include <string>
#include <vector>

namespace spikestudio {

/// Maps a name of the language to the C expression that holds its value in a
/// kernel (a generated local, an array element, a literal). Never returns user text.
using CNameMapper = std::function<std::string(const std::string& name)>;

/// For a function that is not built in (a TimedArray, a BinomialFunction):
/// the C of its call with `arguments`, already C, e.g.
/// "spikestudio_timed_array_1d(_a3, 100, 0.000125, 8, _e0)".
using CFunctionMapper =
    std::function<std::string(const std::string& name, const std::vector<std::string>& arguments)>;

/// One expression in C: statements that compute its temporaries (whole lines,
/// indented as asked), to be placed just before the statement that reads
/// `value`, the C expression itself.
struct CCode {
    std::string setup;
    std::string value;
};

/// Prints expressions as C for one kernel. Every token comes from the tree's
/// structure: operators and functions from fixed tables, numbers through a
/// round-trip formatter, names through `names`. This is how user text is kept
/// out of the compiler, the project's first rule: user text never reaches the
/// compiler as text.
///
/// Walks without recursion, and the C it writes stays shallow and linear in
/// the expression graph: a part nested deeper than kMaxNesting operations, or
/// a large part the graph shares (substitution), goes into a temporary
/// `_eK`. Random numbers are drawn into temporaries of their own, in the order
/// of the text, each on every evaluation: both operands of `and`/`or` are
/// computed, as Brian2's numpy target computes `logical_and`.
class CEmitter {
public:
    /// Operations nested in one C expression at most: libtcc's parser keeps
    /// a value per pending operand and gives up near 256.
    static constexpr int kMaxNesting = 32;
    /// Terms written into one kernel at most (all its expressions together,
    /// a subexpression as often as it must be computed anew). A model within
    /// ExprLimits writes a few 10,000 at most (rk4 on 10,000 terms: 40,000);
    /// gcc -O3 needs about 8 s and 400 MB for 100,000, and grows faster than
    /// the code (200,000: 30 s, 1 GB).
    static constexpr size_t kMaxTerms = 100'000;

    CEmitter(CNameMapper names, CFunctionMapper functions = {})
        : names_(std::move(names)), functions_(std::move(functions)) {}

    /// C for `expr`; its setup lines start with `indent`. Throws ModelError
    /// (no object or field: the caller knows them) past kMaxTerms.
    CCode emit(const ExprPtr& expr, const std::string& indent);

    /// Terms written so far, each as often as it was written.
    size_t terms() const { return terms_; }

    /// The random numbers the code written so far draws per evaluation.
    struct DrawCounts {
        int uniform = 0;  // rand(), each drawn on every evaluation
        int normal = 0;   // randn(), likewise
        int binomial = 0; // a BinomialFunction's numpy binomial(n, p)
        int other = 0;    // any other draw (poisson, PoissonInput's binomial)
    };
    const DrawCounts& draws() const { return draws_; }

private:
    friend class ExpressionWriter;

    std::string temporary() { return "_e" + std::to_string(temporaries_++); }
    void count();
    void noteDraw(const Expr& call, const std::string& text);

    CNameMapper names_;
    CFunctionMapper functions_;
    int temporaries_ = 0;
    size_t terms_ = 0;
    DrawCounts draws_;
};

/// A double literal C reads back exactly ("1e-3" -> "0.001", inf -> "(1.0/0.0)").
std::string cLiteral(double value);

} // namespace spikestudio
