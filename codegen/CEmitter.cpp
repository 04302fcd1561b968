#include "codegen/CEmitter.h"

#include "codegen/DrawText.h"
#include "diagnostics/ModelError.h"
#include "expr/BuiltinFunction.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"
#include "expr/ExprWalk.h"

#include <cmath>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace spikestudio {

std::string cLiteral(double value) {
    if (std::isnan(value))
        return "(0.0/0.0)";
    if (std::isinf(value))
        return value > 0 ? "(1.0/0.0)" : "(-1.0/0.0)";
    std::string text = formatNumber(value);
    if (text.find_first_of(".e") == std::string::npos)
        text += ".0";
    return "(" + text + ")";
}

void CEmitter::count() {
    if (++terms_ > kMaxTerms)
        throw ModelError({"", "", 0, 0},
                         "generated code too large: more than " + std::to_string(kMaxTerms) +
                             " terms in one kernel once subexpressions are substituted, limit " +
                             std::to_string(kMaxTerms));
}

// A BinomialFunction's call is written as the draw it makes: randn() for its
// normal approximation, else numpy's binomial.
void CEmitter::noteDraw(const Expr& call, const std::string& text) {
    if (call.name == "rand")
        ++draws_.uniform;
    else if (call.name == "randn" || text.find(kNormalDraw) != std::string::npos)
        ++draws_.normal;
    else if (text.starts_with(kBinomialDraw))
        ++draws_.binomial;
    else
        ++draws_.other;
}

namespace {

// C name of each built-in; rand/randn/poisson take the generator.
std::string cFunction(const std::string& name) {
    static const std::pair<const char*, const char*> kRenamed[] = {
        {"arcsin", "asin"},
        {"arccos", "acos"},
        {"arctan", "atan"},
        {"abs", "fabs"},
        {"exp", "spikestudio_exp"}, // the prelude's, not libm's (ExpFunction.inc)
        {"exprel", "spikestudio_exprel"},
        {"sign", "spikestudio_sign"},
        {"clip", "spikestudio_clip"},
        {"timestep", "spikestudio_timestep"},
        {"int", "spikestudio_int"},
        {"rand", "spikestudio_rand"},
        {"randn", "spikestudio_randn"},
        {"poisson", "spikestudio_poisson"},
    };
    for (const auto& [from, to] : kRenamed)
        if (name == from)
            return to;
    if (!findBuiltinFunction(name))
        throw std::logic_error("code generation met an unknown function");
    return name; // sin, cos, log, sqrt, ... have the same name in C
}

/// A node written as C: the text, how many operations it nests, how many
/// terms it holds (0 for a temporary).
struct Piece {
    std::string text;
    int nesting = 0;
    size_t terms = 0;
};

/// What the writer knows of each distinct node before it starts.
struct GraphFacts {
    std::unordered_set<const Expr*> drawing; // draws random numbers
    std::unordered_set<const Expr*> shared;  // operand of more than one parent
};

GraphFacts factsOf(const ExprPtr& root) {
    GraphFacts facts;
    std::unordered_set<const Expr*> met;
    for (const Expr* node : nodesBottomUp(root)) {
        bool draws = isRandomCall(*node);
        for (const ExprPtr& operand : node->operands) {
            draws = draws || facts.drawing.count(operand.get());
            if (!met.insert(operand.get()).second)
                facts.shared.insert(operand.get());
        }
        if (draws)
            facts.drawing.insert(node);
    }
    return facts;
}

} // namespace

/// Writes one expression, depth first on a stack of frames. A shared node
/// that draws no random numbers is written once and its piece reused. A node
/// that draws is written at every meeting, as in the tree the graph stands
/// for, into a temporary of its own, so the setup lines draw in the order
/// of the text. Both operands of `and`/`or` are always evaluated: Brian2's
/// numpy target computes `logical_and` over whole arrays, drawing a
/// right-hand `rand()` for every element whatever the left side says.
class ExpressionWriter {
public:
    ExpressionWriter(CEmitter& emitter, const ExprPtr& root, const std::string& indent)
        : emitter_(emitter), root_(root), facts_(factsOf(root)), indent_(indent) {}

    CCode run() {
        std::vector<Frame> stack;
        stack.push_back({root_.get(), {}});
        std::optional<Piece> result;
        while (!stack.empty()) {
            Frame& top = stack.back();
            const Expr& node = *top.node;
            const size_t k = top.done.size();
            if (k < node.operands.size()) {
                const Expr* operand = node.operands[k].get();
                const auto known = written_.find(operand);
                if (known != written_.end())
                    top.done.push_back(known->second);
                else
                    stack.push_back({operand, {}}); // invalidates `top`
                continue;
            }
            Piece piece = write(node, top.done);
            stack.pop_back();
            if (!draws(node) && facts_.shared.count(&node))
                written_[&node] = piece;
            if (stack.empty())
                result = std::move(piece);
            else
                stack.back().done.push_back(std::move(piece));
        }
        return {std::move(setup_), std::move(result->text)};
    }

private:
    struct Frame {
        const Expr* node;
        std::vector<Piece> done; // pieces of the operands written so far
    };

    bool draws(const Expr& node) const { return facts_.drawing.count(&node) > 0; }

    Piece write(const Expr& node, std::vector<Piece>& operands) {
        emitter_.count();
        Piece piece = compose(node, operands);
        if (isRandomCall(node)) {
            emitter_.noteDraw(node, piece.text);
            return intoTemporary(std::move(piece));
        }
        const bool large = piece.terms > kSharedTermsInline && facts_.shared.count(&node);
        if (piece.nesting > CEmitter::kMaxNesting || (large && !draws(node)))
            return intoTemporary(std::move(piece));
        return piece;
    }

    Piece intoTemporary(Piece piece) {
        const std::string name = emitter_.temporary();
        setup_ += indent_ + "const double " + name + " = " + piece.text + ";\n";
        return {name, 0, 0};
    }

    static Piece around(std::string text, const std::vector<Piece>& operands) {
        Piece piece{std::move(text), 0, 1};
        for (const Piece& operand : operands) {
            piece.nesting = std::max(piece.nesting, operand.nesting + 1);
            piece.terms += operand.terms;
        }
        return piece;
    }

    Piece compose(const Expr& e, const std::vector<Piece>& operands) {
        switch (e.kind) {
        case ExprKind::Number:
            return {cLiteral(e.number), 0, 1};
        case ExprKind::Boolean:
            return {e.boolean ? "1.0" : "0.0", 0, 1};
        case ExprKind::Name:
            return {emitter_.names_(e.name), 0, 1};
        case ExprKind::Unary:
            return around(unary(e, operands[0].text), operands);
        case ExprKind::Binary:
            return around(binary(e, operands[0].text, operands[1].text), operands);
        case ExprKind::Compare:
            return around("((double)(" + operands[0].text + " " + symbolOf(e.compareOp()) + " " +
                              operands[1].text + "))",
                          operands);
        case ExprKind::Logical:
            return around("((double)((" + operands[0].text + " != 0.0) " +
                              (e.logicalOp() == LogicalOp::And ? "&" : "|") + " (" +
                              operands[1].text + " != 0.0)))",
                          operands);
        case ExprKind::Call:
            return around(call(e, operands), operands);
        }
        throw std::logic_error("code generation met an unknown expression");
    }

    static std::string unary(const Expr& e, const std::string& operand) {
        switch (e.unaryOp()) {
        case UnaryOp::Minus:
            return "(-" + operand + ")";
        case UnaryOp::Plus:
            return operand;
        case UnaryOp::Not:
            return "((double)(" + operand + " == 0.0))";
        }
        return operand;
    }

    static std::string binary(const Expr& e, const std::string& a, const std::string& b) {
        switch (e.binaryOp()) {
        case BinaryOp::Add:
            return "(" + a + " + " + b + ")";
        case BinaryOp::Subtract:
            return "(" + a + " - " + b + ")";
        case BinaryOp::Multiply:
            return "(" + a + " * " + b + ")";
        case BinaryOp::Divide:
            return "(" + a + " / " + b + ")";
        case BinaryOp::FloorDivide:
            return "spikestudio_floordiv(" + a + ", " + b + ")";
        case BinaryOp::Modulo:
            return "spikestudio_mod(" + a + ", " + b + ")";
        case BinaryOp::Power:
            return power(e, a, b);
        }
        throw std::logic_error("code generation met an unknown operator");
    }

    // Small integer powers of a plain name are multiplied out: pow() is far
    // slower. Only names, so that the base is neither evaluated twice nor
    // duplicated into an exponentially long text.
    static std::string power(const Expr& e, const std::string& base, const std::string& exponent) {
        const Expr& power = *e.operands[1];
        if (power.kind == ExprKind::Number && e.operands[0]->kind == ExprKind::Name) {
            if (power.number == 2.0)
                return "(" + base + " * " + base + ")";
            if (power.number == 3.0)
                return "(" + base + " * " + base + " * " + base + ")";
            if (power.number == 0.5)
                return "sqrt(" + base + ")";
        }
        return "pow(" + base + ", " + exponent + ")";
    }

    // timestep(t, dt) written out when dt is a plain name or number (as it
    // always is in generated code): libtcc does not inline the prelude's
    // function, and a call per element costs more than the arithmetic. The
    // same arithmetic as spikestudio_timestep in templates/prelude.c.
    static std::optional<std::string> inlineTimestep(const Expr& e,
                                                     const std::vector<Piece>& operands) {
        if (e.name != "timestep" || e.operands.size() != 2 || !e.operands[1]->operands.empty())
            return std::nullopt;
        const std::string& dt = operands[1].text;
        return "({ const double _timestep_q = (" + operands[0].text + " + (0.001) * " + dt +
               ") / " + dt +
               "; _timestep_q > -9.2e18 && _timestep_q < 9.2e18 ? (double)(int64_t)_timestep_q "
               ": _timestep_q; })";
    }

    std::string call(const Expr& e, const std::vector<Piece>& operands) {
        const BuiltinFunction* builtin = findBuiltinFunction(e.name);
        if (!builtin)
            return userCall(e, operands);
        if (const auto inlined = inlineTimestep(e, operands))
            return *inlined;
        std::string text = cFunction(e.name) + "(";
        bool first = true;
        if (builtin->isRandom) {
            text += "_context->rng";
            first = false;
        }
        for (const Piece& operand : operands) {
            text += (first ? "" : ", ") + operand.text;
            first = false;
        }
        return text + ")";
    }

    std::string userCall(const Expr& e, const std::vector<Piece>& operands) {
        if (!emitter_.functions_)
            throw std::logic_error("code generation met an unknown function");
        std::vector<std::string> arguments;
        for (const Piece& operand : operands)
            arguments.push_back(operand.text);
        return emitter_.functions_(e.name, arguments);
    }

    // A shared part this large is written once, into a temporary.
    static constexpr size_t kSharedTermsInline = 8;

    CEmitter& emitter_;
    const ExprPtr& root_;
    GraphFacts facts_;
    std::string indent_;
    std::string setup_; // the temporaries' lines, in the order written
    std::unordered_map<const Expr*, Piece> written_;
};

CCode CEmitter::emit(const ExprPtr& expr, const std::string& indent) {
    return ExpressionWriter(*this, expr, indent).run();
}

} // namespace spikestudio
