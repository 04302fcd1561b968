#include "model/CodeBlockChecker.h"

#include "diagnostics/ModelError.h"
#include "expr/DimensionChecker.h"
#include "expr/ExprRewrite.h"
#include "expr/Parser.h"
#include "model/CheckSupport.h"

#include <map>

namespace spikestudio {

std::string localValueName(const std::string& name) {
    return "_local_" + name;
}

namespace {

class CodeBlock {
public:
    explicit CodeBlock(const CodeBlockOwner& owner) : owner_(owner), locals_(owner.scope) {}

    Statement check(Statement statement) {
        for (const std::string& name : collectNames(statement.value))
            unread_.erase(name);
        const bool local = renames_.count(statement.target) > 0;
        if (!local && declaresLocal(statement))
            declare(statement);
        else if (local)
            checkAssignedValue(statement, statement.expandedValue(),
                               *locals_.lookup(statement.target), locals_);
        else
            checkOwnerWrite(statement);
        statement.value = substitute(statement.value, renames_);
        if (renames_.count(statement.target))
            statement.target = localValueName(statement.target);
        return statement;
    }

    /// A local nothing reads is most likely a misspelt variable: refused as one.
    void refuseUnreadLocals() const {
        if (unread_.empty())
            return;
        auto first = unread_.begin()->second;
        for (const auto& [name, statement] : unread_)
            if (statement.position.line < first.position.line)
                first = statement;
        throw ModelError({"", "", first.position.line, first.position.column},
                         owner_.whyNotWritable(first.target));
    }

private:
    // A plain assignment to a name nothing defines: Brian2's newly defined variable.
    bool declaresLocal(const Statement& statement) const {
        return statement.op == AssignOp::Assign && !locals_.lookup(statement.target);
    }

    void declare(const Statement& statement) {
        const ValueInfo info = checkDimensions(statement.value, locals_);
        locals_.define(statement.target, Symbol(SymbolKind::PerElement, info.dim, info.type, 0.0));
        renames_[statement.target] = makeName(localValueName(statement.target));
        unread_.emplace(statement.target, statement);
    }

    void checkOwnerWrite(const Statement& statement) const {
        const std::string why = owner_.whyNotWritable(statement.target);
        if (!why.empty())
            throw ModelError({"", "", statement.position.line, statement.position.column}, why);
        checkAssignedValue(statement, statement.expandedValue(), *locals_.lookup(statement.target),
                           locals_);
    }

    const CodeBlockOwner& owner_;
    Scope locals_;
    std::map<std::string, ExprPtr> renames_;
    std::map<std::string, Statement> unread_;
};

} // namespace

std::vector<Statement> checkCodeBlock(std::string_view text, const CodeBlockOwner& owner) {
    CodeBlock block(owner);
    std::vector<Statement> code;
    for (Statement& statement : parseStatements(text))
        code.push_back(block.check(std::move(statement)));
    block.refuseUnreadLocals();
    return code;
}

} // namespace spikestudio
