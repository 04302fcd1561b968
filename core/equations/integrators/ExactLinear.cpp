// Brian2's exact (linear) state updater (stateupdaters/exact.py) for
// dX/dt = M X + B with M and B constant over a step. Brian2 solves it
// symbolically with sympy; we emit M and B and let the kernel compute the
// propagator numerically (runtime/LinearPropagator), so the conditions under
// which Brian2 accepts the method are checked here.
#include "equations/integrators/LinearForm.h"
#include "equations/integrators/OdeSystem.h"
#include "expr/ConstantFolder.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"
#include "expr/ExprWalk.h"

#include <cmath>
#include <complex>

namespace spikestudio {

namespace {

bool callsTimedArray(const ExprPtr& expr, const Scope& scope) {
    return containsCall(expr, [&scope](const std::string& name) {
        const auto symbol = scope.lookup(name);
        return symbol && symbol->kind == SymbolKind::Function;
    });
}

/// Whether `expr` changes within a step: it reads the time, other than through
/// a TimedArray whose values hold over a step (Brian2's locally constant functions).
bool dependsOnTime(const ExprPtr& expr, const Scope& scope) {
    struct TimeReader : ExprVisitor {
        const Scope& scope;
        bool found = false;

        explicit TimeReader(const Scope& names) : scope(names) {}
        size_t enter(const ExprPtr& node) {
            if (node->kind == ExprKind::Name)
                found = found || node->name == "t" || node->name == "t_in_timesteps";
            return found || holdsOverStep(*node) ? 0 : node->operands.size();
        }
        bool holdsOverStep(const Expr& node) const {
            if (node.kind != ExprKind::Call)
                return false;
            const auto symbol = scope.lookup(node.name);
            return symbol && symbol->kind == SymbolKind::Function && symbol->timed.constantOverStep;
        }
    } reader(scope);
    walkDepthFirst(expr, reader);
    return reader.found;
}

// A value for every name that is not a known constant: a fixed pseudo-random
// number in [0.5, 2) derived from the name. Evaluating M at such a generic
// point decides whether an entry or determinant vanishes identically (as
// sympy decides symbolically) with probability one - a polynomial identity test.
double genericValue(const std::string& name) {
    unsigned hash = 2166136261u;
    for (unsigned char c : name)
        hash = (hash ^ c) * 16777619u;
    return 0.5 + 1.5 * static_cast<double>(hash % 100003u) / 100003.0;
}

double evaluateGeneric(const ExprPtr& expr, const Scope& scope) {
    Scope generic(&scope);
    for (const std::string& name : collectNames(expr)) {
        const auto symbol = scope.lookup(name);
        if (name == "not_refractory")
            generic.define(name,
                           Symbol{SymbolKind::Constant, Dimension(), ValueType::Boolean, 1.0});
        else if (!symbol || symbol->kind != SymbolKind::Constant)
            generic.define(name, Symbol{SymbolKind::Constant, Dimension(), ValueType::Float,
                                        genericValue(name)});
    }
    const auto value = foldConstant(expr, generic);
    return value ? *value : std::nan("");
}

using Matrix = std::vector<std::vector<double>>;

// Strongly connected components of the coupling graph (i depends on j when
// M[i][j] != 0), by Tarjan's algorithm.
class Components {
public:
    explicit Components(const Matrix& m) : m_(m), n_(m.size()), index_(n_, -1), low_(n_), on_(n_) {
        for (size_t v = 0; v < n_; ++v)
            if (index_[v] < 0)
                visit(v);
    }
    const std::vector<std::vector<size_t>>& list() const { return components_; }

private:
    void visit(size_t v) {
        index_[v] = low_[v] = counter_++;
        stack_.push_back(v);
        on_[v] = true;
        for (size_t w = 0; w < n_; ++w) {
            if (w == v || m_[v][w] == 0.0)
                continue;
            if (index_[w] < 0) {
                visit(w);
                low_[v] = std::min(low_[v], low_[w]);
            } else if (on_[w]) {
                low_[v] = std::min(low_[v], index_[w]);
            }
        }
        if (low_[v] != index_[v])
            return;
        std::vector<size_t> component;
        size_t w;
        do {
            w = stack_.back();
            stack_.pop_back();
            on_[w] = false;
            component.push_back(w);
        } while (w != v);
        components_.push_back(component);
    }

    const Matrix& m_;
    size_t n_;
    std::vector<int> index_, low_;
    std::vector<bool> on_;
    std::vector<size_t> stack_;
    std::vector<std::vector<size_t>> components_;
    int counter_ = 0;
};

void checkBlock(const Matrix& m, const std::vector<size_t>& block) {
    auto at = [&](size_t r, size_t c) { return m[block[r]][block[c]]; };
    double scale = 0.0;
    for (size_t r = 0; r < block.size(); ++r)
        for (size_t c = 0; c < block.size(); ++c)
            scale = std::max(scale, std::fabs(at(r, c)));
    const double tiny = 1e-12 * std::max(scale, 1e-300);
    if (block.size() == 1) {
        if (std::fabs(at(0, 0)) <= tiny)
            throw UnsupportedEquations{"the linear system is singular (a variable does not "
                                       "depend on itself)"};
        return;
    }
    if (block.size() == 2) {
        const double trace = at(0, 0) + at(1, 1);
        const double det = at(0, 0) * at(1, 1) - at(0, 1) * at(1, 0);
        if (std::fabs(det) <= tiny * scale)
            throw UnsupportedEquations{"the linear system is singular"};
        if (trace * trace - 4 * det < -tiny * scale)
            throw UnsupportedEquations{"the solution has complex values (an oscillating system)"};
        return;
    }
    if (block.size() == 3) {
        // Characteristic polynomial x^3 + a x^2 + b x + c and its discriminant.
        const double a = -(at(0, 0) + at(1, 1) + at(2, 2));
        const double b = at(0, 0) * at(1, 1) + at(0, 0) * at(2, 2) + at(1, 1) * at(2, 2) -
                         at(0, 1) * at(1, 0) - at(0, 2) * at(2, 0) - at(1, 2) * at(2, 1);
        const double c = -(at(0, 0) * (at(1, 1) * at(2, 2) - at(1, 2) * at(2, 1)) -
                           at(0, 1) * (at(1, 0) * at(2, 2) - at(1, 2) * at(2, 0)) +
                           at(0, 2) * (at(1, 0) * at(2, 1) - at(1, 1) * at(2, 0)));
        if (std::fabs(c) <= tiny * scale * scale)
            throw UnsupportedEquations{"the linear system is singular"};
        const double disc =
            18 * a * b * c - 4 * a * a * a * c + a * a * b * b - 4 * b * b * b - 27 * c * c;
        if (disc < -1e-9 * std::pow(scale, 6))
            throw UnsupportedEquations{"the solution has complex values (an oscillating system)"};
        return;
    }
    throw UnsupportedEquations{"coupled linear systems of more than 3 variables are not "
                               "supported by exact"};
}

} // namespace

AbstractCode integrateExact(const OdeSystem& s, const Scope& scope) {
    if (s.isStochastic())
        throw UnsupportedEquations{"exact cannot integrate stochastic equations"};
    const std::set<std::string> state = s.variableSet();
    const size_t n = s.variables.size();
    if (n == 0)
        return {};
    LinearUpdate update;
    update.variables = s.variables;
    update.gatedByRefractoriness = s.unlessRefractory;
    Matrix numeric(n, std::vector<double>(n, 0.0));
    for (size_t r = 0; r < n; ++r) {
        const auto form = linearForm(s.drift[r], state);
        if (!form)
            throw UnsupportedEquations{"the equation of '" + s.variables[r] + "' is not linear: '" +
                                       toText(s.drift[r]) + "'"};
        for (size_t c = 0; c < n; ++c) {
            const ExprPtr entry = form->coefficient(s.variables[c]);
            update.matrix.push_back(entry);
            if (entry)
                numeric[r][c] = evaluateGeneric(entry, scope);
        }
        update.constant.push_back(form->constant);
    }
    for (const ExprPtr& entry : update.matrix)
        if (entry && (callsTimedArray(entry, scope) || dependsOnTime(entry, scope) ||
                      drawsRandomNumbers(entry)))
            throw UnsupportedEquations{"'" + toText(entry) + "' is not constant over a time step"};
    for (const ExprPtr& entry : update.constant)
        if (entry && (dependsOnTime(entry, scope) || drawsRandomNumbers(entry)))
            throw UnsupportedEquations{"'" + toText(entry) + "' is not constant over a time step"};
    const Components components(numeric);
    for (const auto& block : components.list())
        checkBlock(numeric, block);
    if (n > 16)
        throw UnsupportedEquations{"exact supports at most 16 differential equations"};
    AbstractCode code{update};
    for (const std::string& v : s.variables)
        code.push_back(Assignment{v, makeName("_" + v)});
    return code;
}

} // namespace spikestudio
