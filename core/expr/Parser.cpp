#include "expr/Parser.h"

#include "diagnostics/ModelError.h"
#include "expr/ExprLimits.h"
#include "expr/ExprWalk.h"
#include "expr/Lexer.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace spikestudio {

bool isLanguageKeyword(std::string_view word) {
    static constexpr std::array<std::string_view, 35> kKeywords = {
        "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
        "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
        "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
        "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};
    for (std::string_view keyword : kKeywords)
        if (keyword == word)
            return true;
    return false;
}

namespace {

class Parser {
public:
    Parser(std::string_view text, LineBreaks lineBreaks, TextKind kind, TermBudget* budget)
        : tokens_(limitedTokens(text, lineBreaks, kind, budget)) {}

    ExprPtr wholeExpression() {
        skipNewlines();
        ExprPtr result = expression();
        skipNewlines();
        expectEnd();
        return result;
    }

    std::vector<Statement> statements() {
        std::vector<Statement> result;
        while (true) {
            while (peek().kind == TokenKind::Newline || peek().is(";"))
                advance();
            if (peek().kind == TokenKind::End)
                return result;
            result.push_back(statement());
            if (!(peek().kind == TokenKind::Newline || peek().is(";") ||
                  peek().kind == TokenKind::End))
                fail(peek(), "syntax error: expected a new line or ';' before " + describe(peek()));
        }
    }

private:
    static std::vector<Token> limitedTokens(std::string_view text, LineBreaks lineBreaks,
                                            TextKind kind, TermBudget* budget) {
        const size_t used = budget ? budget->used : 0;
        const size_t allowed = ExprLimits::kMaxTerms - std::min(used, ExprLimits::kMaxTerms);
        BoundedTokens bounded = tokenize(text, lineBreaks, allowed);
        if (bounded.terms > allowed)
            throw ModelError({"", "", 1, 1}, tooLongMessage(kind, used + bounded.terms));
        if (budget)
            budget->used += bounded.terms;
        return std::move(bounded.tokens);
    }

    const Token& peek() const { return tokens_[index_]; }
    const Token& advance() { return tokens_[index_ < tokens_.size() - 1 ? index_++ : index_]; }

    [[noreturn]] static void fail(const Token& at, const std::string& message) {
        throw ModelError({"", "", at.position.line, at.position.column}, message);
    }

    static std::string describe(const Token& token) {
        switch (token.kind) {
        case TokenKind::End:
            return "the end of the text";
        case TokenKind::Newline:
            return "the end of the line";
        default:
            return "'" + token.text + "'";
        }
    }

    void skipNewlines() {
        while (peek().kind == TokenKind::Newline)
            advance();
    }

    void expectEnd() {
        if (peek().kind != TokenKind::End)
            fail(peek(), "syntax error: unexpected " + describe(peek()));
    }

    void expectOperator(const char* op) {
        if (!peek().is(op))
            fail(peek(),
                 std::string("syntax error: expected '") + op + "' but found " + describe(peek()));
        advance();
    }

    Statement statement() {
        const Token& target = peek();
        if (target.kind != TokenKind::Identifier)
            fail(target, "syntax error: a statement must start with a variable name, found " +
                             describe(target));
        checkNotKeyword(target);
        advance();
        static constexpr std::pair<const char*, AssignOp> kAssignOps[] = {
            {"=", AssignOp::Assign},    {"+=", AssignOp::Add},    {"-=", AssignOp::Subtract},
            {"*=", AssignOp::Multiply}, {"/=", AssignOp::Divide}, {"%=", AssignOp::Modulo},
            {"**=", AssignOp::Power}};
        for (const auto& [symbol, op] : kAssignOps) {
            if (peek().is(symbol)) {
                advance();
                Statement result{target.text, op, expression(), target.position};
                return result;
            }
        }
        fail(peek(), "syntax error: expected an assignment ('=', '+=', ...) after '" + target.text +
                         "' but found " + describe(peek()));
    }

    ExprPtr expression() { return disjunction(); }

    ExprPtr disjunction() {
        ExprPtr left = conjunction();
        while (peek().isWord("or")) {
            const TextPosition at = advance().position;
            left = makeLogical(LogicalOp::Or, left, conjunction(), at);
        }
        return left;
    }

    ExprPtr conjunction() {
        ExprPtr left = negation();
        while (peek().isWord("and")) {
            const TextPosition at = advance().position;
            left = makeLogical(LogicalOp::And, left, negation(), at);
        }
        return left;
    }

    ExprPtr negation() {
        if (peek().isWord("not")) {
            DepthGuard guard(*this, peek());
            const TextPosition at = advance().position;
            return makeUnary(UnaryOp::Not, negation(), at);
        }
        return comparison();
    }

    bool comparisonOperator(CompareOp& op) const {
        static constexpr std::pair<const char*, CompareOp> kCompareOps[] = {
            {"<", CompareOp::Less},    {"<=", CompareOp::LessEqual},
            {">", CompareOp::Greater}, {">=", CompareOp::GreaterEqual},
            {"==", CompareOp::Equal},  {"!=", CompareOp::NotEqual}};
        for (const auto& [symbol, candidate] : kCompareOps) {
            if (peek().is(symbol)) {
                op = candidate;
                return true;
            }
        }
        return false;
    }

    // Python chains comparisons: a < b < c means (a < b) and (b < c).
    ExprPtr comparison() {
        ExprPtr left = sum();
        ExprPtr chain;
        CompareOp op;
        while (comparisonOperator(op)) {
            const TextPosition at = advance().position;
            ExprPtr right = sum();
            ExprPtr link = makeCompare(op, left, right, at);
            chain = chain ? makeLogical(LogicalOp::And, chain, link, at) : link;
            left = right;
        }
        return chain ? chain : left;
    }

    ExprPtr sum() {
        ExprPtr left = product();
        while (peek().is("+") || peek().is("-")) {
            const Token& token = advance();
            const BinaryOp op = token.text == "+" ? BinaryOp::Add : BinaryOp::Subtract;
            left = makeBinary(op, left, product(), token.position);
        }
        return left;
    }

    ExprPtr product() {
        ExprPtr left = unary();
        while (true) {
            BinaryOp op;
            if (peek().is("*"))
                op = BinaryOp::Multiply;
            else if (peek().is("/"))
                op = BinaryOp::Divide;
            else if (peek().is("//"))
                op = BinaryOp::FloorDivide;
            else if (peek().is("%"))
                op = BinaryOp::Modulo;
            else
                return left;
            const TextPosition at = advance().position;
            left = makeBinary(op, left, unary(), at);
        }
    }

    // Every place where the parser calls itself again for what is inside
    // (brackets, call arguments, unary operators, exponents) takes a level, so
    // that hostile input ("((((...", "----...") cannot exhaust the stack.
    // Chains of binary operators are loops, not recursion.
    class DepthGuard {
    public:
        DepthGuard(Parser& parser, const Token& at) : parser_(parser) {
            if (++parser_.depth_ > ExprLimits::kMaxNesting)
                fail(at, "expression nested too deeply: more than " +
                             std::to_string(ExprLimits::kMaxNesting) +
                             " levels of brackets, calls and unary operators");
        }
        ~DepthGuard() { --parser_.depth_; }

    private:
        Parser& parser_;
    };

    ExprPtr unary() {
        if (peek().is("-") || peek().is("+")) {
            DepthGuard guard(*this, peek());
            const Token& token = advance();
            const UnaryOp op = token.text == "-" ? UnaryOp::Minus : UnaryOp::Plus;
            return makeUnary(op, unary(), token.position);
        }
        return power();
    }

    ExprPtr power() {
        ExprPtr base = atom();
        if (peek().is("**")) {
            DepthGuard guard(*this, peek());
            const TextPosition at = advance().position;
            return makeBinary(BinaryOp::Power, base, unary(), at);
        }
        return base;
    }

    void checkNotKeyword(const Token& token) const {
        if (isLanguageKeyword(token.text))
            fail(token, "syntax error: '" + token.text + "' is a reserved word");
    }

    ExprPtr atom() {
        const Token& token = peek();
        if (token.kind == TokenKind::Number) {
            advance();
            return makeNumber(token.number, token.isIntegerLiteral, token.position);
        }
        if (token.isWord("True") || token.isWord("False")) {
            advance();
            return makeBoolean(token.text == "True", token.position);
        }
        if (token.kind == TokenKind::Identifier) {
            checkNotKeyword(token);
            advance();
            if (peek().is("("))
                return call(token);
            return makeName(token.text, token.position);
        }
        if (token.is("(")) {
            DepthGuard guard(*this, token);
            advance();
            skipNewlines();
            ExprPtr inner = expression();
            expectOperator(")");
            return inner;
        }
        fail(token, "syntax error: expected a value but found " + describe(token));
    }

    ExprPtr call(const Token& function) {
        DepthGuard guard(*this, function);
        expectOperator("(");
        std::vector<ExprPtr> arguments;
        if (!peek().is(")")) {
            arguments.push_back(expression());
            while (peek().is(",")) {
                advance();
                arguments.push_back(expression());
            }
        }
        expectOperator(")");
        return makeCall(function.text, std::move(arguments), function.position);
    }

    std::vector<Token> tokens_;
    size_t index_ = 0;
    int depth_ = 0;
};

} // namespace

namespace {
ExprPtr parseWholeExpression(std::string_view text, LineBreaks lineBreaks, TextKind kind,
                             TermBudget* budget) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw ModelError({"", "", 1, 1}, "syntax error: the expression is empty");
    return Parser(text, lineBreaks, kind, budget).wholeExpression();
}
} // namespace

ExprPtr parseExpression(std::string_view text) {
    return parseWholeExpression(text, LineBreaks::SeparateStatements, TextKind::Expression,
                                nullptr);
}

std::vector<Statement> parseStatements(std::string_view text) {
    return Parser(text, LineBreaks::SeparateStatements, TextKind::Statements, nullptr).statements();
}

namespace {
// A copy of a freshly parsed tree with every position moved by `start`.
ExprPtr shifted(const ExprPtr& expr, const TextPosition& start) {
    struct Shifter : ExprVisitor {
        const TextPosition& start;
        std::unordered_map<const Expr*, ExprPtr> copies;

        explicit Shifter(const TextPosition& at) : start(at) {}
        void leave(const ExprPtr& node) {
            auto copy = std::make_shared<Expr>(*node);
            if (copy->position.line == 1)
                copy->position.column += start.column - 1;
            copy->position.line += start.line - 1;
            for (ExprPtr& operand : copy->operands)
                operand = copies.at(operand.get());
            copies[node.get()] = copy;
        }
    } shifter(start);
    walkDepthFirst(expr, shifter);
    return shifter.copies.at(expr.get());
}
} // namespace

ExprPtr parseExpressionAt(std::string_view text, const TextPosition& start, LineBreaks lineBreaks,
                          TermBudget* budget) {
    try {
        const TextKind kind = budget ? TextKind::Equations : TextKind::Expression;
        return shifted(parseWholeExpression(text, lineBreaks, kind, budget), start);
    } catch (const ModelError& error) {
        SourceLocation where = error.where();
        if (where.line == 1)
            where.column += start.column - 1;
        where.line += start.line - 1;
        throw ModelError(where, error.problem());
    }
}

} // namespace spikestudio
