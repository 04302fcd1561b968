#include "model/AssignmentChecker.h"

#include "diagnostics/SizeText.h"
#include "expr/ConstantFolder.h"
#include "expr/DimensionChecker.h"
#include "expr/Parser.h"
#include "model/CheckSupport.h"
#include "model/TimedArrays.h"

#include <cmath>

namespace spikestudio {

namespace {

class EntryChecker {
public:
    EntryChecker(const AssignmentSpec& spec, std::string field, const AssignmentOwner& owner)
        : spec_(spec), owner_(owner), prefix_(std::move(field)) {}

    /// Runs `body` with its problems filed under `<field>.key`.
    template <typename Body> auto in(const std::string& key, Body body) const {
        return within(owner_.object, prefix_ + "." + key, body);
    }

    ElementAssignment check() const {
        ElementAssignment result;
        result.field = prefix_;
        result.target = spec_.variable;
        in("variable", [&] { owner_.requireWritable(spec_.variable); });
        result.index = checkedSelection("index", spec_.index, owner_.size, owner_.elements);
        result.pre = checkedSelection("pre", spec_.pre, owner_.sourceSize, "presynaptic neurons");
        result.post =
            checkedSelection("post", spec_.post, owner_.targetSize, "postsynaptic neurons");
        if (!spec_.condition.empty())
            result.condition = in("condition", [&] { return condition(); });
        if (spec_.hasValues)
            result.values = in("value", [&] { return values(); });
        else
            result.value = in("value", [&] { return expression(); });
        return result;
    }

private:
    Symbol target() const {
        if (owner_.targetSymbol)
            return owner_.targetSymbol(spec_.variable);
        return *owner_.scope->lookup(spec_.variable);
    }

    ExprPtr expression() const {
        Statement statement{spec_.variable, AssignOp::Assign, parseExpression(spec_.value), {}};
        const ExprPtr value = owner_.resolve(statement.value);
        checkAssignedValue(statement, value, target(), *owner_.scope);
        refuseTimedArrayCalls(value, *owner_.scope);
        return value;
    }

    ExprPtr condition() const {
        const ExprPtr expr = parseExpression(spec_.condition);
        requireBoolean(expr, *owner_.scope, "The condition");
        const ExprPtr resolved = owner_.resolve(expr);
        refuseTimedArrayCalls(resolved, *owner_.scope);
        return resolved;
    }

    /// The numbers in SI units, as many as the selection holds where that is known.
    std::vector<double> values() const {
        const Quantity unit = valueUnit();
        if (unit.dim != target().dim)
            throw ModelError({"", "", 0, 0}, "DimensionMismatchError: the values are in " +
                                                 displayUnit(unit.dim) + ", but '" +
                                                 spec_.variable + "' has unit " +
                                                 displayUnit(target().dim));
        const long long selected = selectedCount();
        const auto count = static_cast<long long>(spec_.values.size());
        if (count != 1 && selected >= 0 && count != selected)
            throw ModelError({"", "", 0, 0}, std::to_string(count) + " values for " +
                                                 std::to_string(selected) + " " + selectedWord());
        std::vector<double> result;
        result.reserve(spec_.values.size());
        for (double value : spec_.values)
            result.push_back(value * unit.value);
        return result;
    }

    Quantity valueUnit() const {
        if (spec_.unit.empty())
            return Quantity{1.0, Dimension()};
        return in("unit", [&] {
            const Quantity unit = evaluateQuantity(parseExpression(spec_.unit), *owner_.scope);
            if (!std::isfinite(unit.value) || unit.value == 0.0)
                throw ModelError({"", "", 0, 0}, "the unit must be a finite, non-zero quantity");
            return unit;
        });
    }

    /// How many elements the selection holds, or -1 when only the run knows.
    long long selectedCount() const {
        if (spec_.index.form == IndexSelection::Form::List)
            return static_cast<long long>(spec_.index.list.size());
        if (owner_.size <= 0 || !spec_.pre.all() || !spec_.post.all())
            return -1;
        if (spec_.index.all())
            return owner_.size;
        return static_cast<long long>(spec_.index.indices(owner_.size).size());
    }

    std::string selectedWord() const {
        return spec_.index.all() ? owner_.elements : "selected " + owner_.elements;
    }

    IndexSelection checkedSelection(const std::string& key, const IndexSelection& selection,
                                    long long size, const std::string& what) const {
        if (size <= 0)
            return selection;
        const long long outside = selection.firstOutside(size);
        if (outside >= 0)
            in(key, [&] {
                throw ModelError({"", "", 0, 0}, "index " + std::to_string(outside) +
                                                     " is out of range for " +
                                                     std::to_string(size) + " " + what);
            });
        return selection;
    }

    const AssignmentSpec& spec_;
    const AssignmentOwner& owner_;
    std::string prefix_;
};

} // namespace

ElementAssignment checkAssignment(const AssignmentSpec& spec, size_t position,
                                  const AssignmentOwner& owner) {
    return checkAssignment(spec, "initial[" + std::to_string(position) + "]", owner);
}

ElementAssignment checkAssignment(const AssignmentSpec& spec, const std::string& field,
                                  const AssignmentOwner& owner) {
    if (spec.isSeedEntry()) {
        ElementAssignment entry;
        entry.field = field;
        entry.reseed = spec.reseed;
        return entry;
    }
    return EntryChecker(spec, field, owner).check();
}

} // namespace spikestudio
