#include "runtime/ElementAssignments.h"

#include "diagnostics/ModelError.h"
#include "expr/PathwayDelayName.h"
#include "runtime/InitialValues.h"
#include "runtime/SynapseValues.h"
#include "runtime/VectorEvaluator.h"

#include <optional>
#include <span>

namespace spikestudio {

namespace {

using Selection = std::optional<std::vector<long long>>; // nothing: every element

/// The elements one assignment writes, and how it reads their values.
class AssignmentRun {
public:
    AssignmentRun(const ElementAssignment& assignment, const Scope& scope, std::string object,
                  std::string elements, long long size, ColumnSource columns,
                  RandomGenerator& random)
        : assignment_(assignment), scope_(scope), object_(std::move(object)),
          elements_(std::move(elements)), size_(size), columns_(std::move(columns)),
          random_(random) {}

    /// Writes the values of the selected elements into `target` (one value per element).
    void apply(const Selection& selected, std::span<double> target) const {
        const long long count = selected ? static_cast<long long>(selected->size()) : size_;
        if (selected && static_cast<long long>(target.size()) != size_)
            fail(".index", "'" + assignment_.target +
                               "' has one value shared by all elements; "
                               "it cannot be set per element");
        const Column values = valuesFor(selected, count);
        if (!selected) {
            for (size_t k = 0; k < target.size(); ++k)
                target[k] = values.at(k);
            return;
        }
        for (size_t k = 0; k < selected->size(); ++k)
            target[static_cast<size_t>((*selected)[k])] = values.at(k);
    }

    /// The elements whose condition holds, evaluated for every element.
    std::vector<long long> byCondition() const {
        VectorEvaluator evaluator(scope_, static_cast<size_t>(size_), columns_, random_);
        const Column condition = evaluator.evaluate(assignment_.condition);
        std::vector<long long> selected;
        for (long long k = 0; k < size_; ++k)
            if (condition.at(static_cast<size_t>(k)) != 0.0)
                selected.push_back(k);
        return selected;
    }

    /// The elements `index` names, refused when one lies beyond the elements.
    std::vector<long long> byIndex() const {
        const long long outside = assignment_.index.firstOutside(size_);
        if (outside >= 0)
            fail(".index", "index " + std::to_string(outside) + " is out of range for " +
                               std::to_string(size_) + " " + elements_);
        return assignment_.index.indices(size_);
    }

    [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
        throw ModelError({object_, assignment_.field + key, 0, 0}, problem);
    }

private:
    Column valuesFor(const Selection& selected, long long count) const {
        if (!assignment_.value)
            return numbers(count);
        VectorEvaluator evaluator(scope_, static_cast<size_t>(count),
                                  selected ? gathering(*selected) : columns_, random_);
        return evaluator.evaluate(assignment_.value);
    }

    Column numbers(long long count) const {
        const std::vector<double>& values = assignment_.values;
        if (values.size() == 1)
            return Column::of(values.front());
        if (static_cast<long long>(values.size()) != count)
            fail(".value", std::to_string(values.size()) + " values for " + std::to_string(count) +
                               (count == size_ ? " " : " selected ") + elements_);
        return Column::of(values);
    }

    /// Columns read at the selected elements only.
    ColumnSource gathering(const std::vector<long long>& selected) const {
        return [this, &selected](const std::string& name) -> std::optional<Column> {
            std::optional<Column> column = columns_(name);
            if (!column || column->uniform)
                return column;
            std::vector<double> picked(selected.size());
            for (size_t k = 0; k < selected.size(); ++k)
                picked[k] = column->values[static_cast<size_t>(selected[k])];
            return Column::of(std::move(picked));
        };
    }

    const ElementAssignment& assignment_;
    const Scope& scope_;
    std::string object_;
    std::string elements_;
    long long size_;
    ColumnSource columns_;
    RandomGenerator& random_;
};

/// Synapses whose presynaptic index `pre` and postsynaptic index `post` select, in order.
std::vector<long long> byPair(const ElementAssignment& assignment, const SynapseState& synapses) {
    // The checker knows every group's size; targeted synapses (synapses on
    // synapses) are counted only now, so their indices are checked here.
    const auto mask = [&](const IndexSelection& selection, long long size, const char* side) {
        if (const long long outside = selection.firstOutside(size); outside >= 0)
            throw ModelError({synapses.name, assignment.field + "." + side, 0, 0},
                             "index " + std::to_string(outside) + " is out of range for " +
                                 std::to_string(size) + " " + side + "synaptic elements");
        std::vector<bool> chosen(static_cast<size_t>(size), selection.all());
        if (!selection.all())
            for (long long index : selection.indices(size))
                chosen[static_cast<size_t>(index)] = true;
        return chosen;
    };
    const std::vector<bool> pre = mask(assignment.pre, synapses.source->size, "pre");
    const std::vector<bool> post = mask(assignment.post, synapses.target->size, "post");
    std::vector<long long> selected;
    for (long long k = 0; k < synapses.size(); ++k)
        if (pre[static_cast<size_t>(synapses.pre[static_cast<size_t>(k)])] &&
            post[static_cast<size_t>(synapses.post[static_cast<size_t>(k)])])
            selected.push_back(k);
    return selected;
}

/// The array an assignment to `target` writes: a synaptic variable, or the
/// delays of a pathway (`up.delay`), first given one entry per synapse.
std::span<double> assignedArray(SynapseState& synapses, const std::string& target) {
    const std::optional<std::string> pathway = pathwayOfDelay(target);
    if (!pathway)
        return synapses.variables.at(target);
    std::vector<double>& delays = synapses.pathwayDelays[*pathway];
    const auto count = static_cast<size_t>(synapses.size());
    if (delays.size() != count)
        delays.assign(count, delays.empty() ? 0.0 : delays.front());
    return delays;
}

} // namespace

void applyGroupAssignments(const std::vector<ElementAssignment>& assignments, const Scope& scope,
                           GroupState& group, RandomGenerator& random) {
    for (const ElementAssignment& assignment : assignments) {
        if (assignment.reseed) {
            random.reseed(*assignment.reseed);
            continue;
        }
        const AssignmentRun run(assignment, scope, group.name, "neurons", group.size,
                                groupColumns(group), random);
        Selection selected;
        if (assignment.condition)
            selected = run.byCondition();
        else if (!assignment.index.all())
            selected = run.byIndex();
        run.apply(selected, group.variables.at(assignment.target));
    }
}

void applySynapseAssignments(const std::vector<ElementAssignment>& assignments, const Scope& scope,
                             SynapseState& synapses, RandomGenerator& random) {
    for (const ElementAssignment& assignment : assignments) {
        if (assignment.reseed) {
            random.reseed(*assignment.reseed);
            continue;
        }
        const AssignmentRun run(assignment, scope, synapses.name, "synapses", synapses.size(),
                                synapseColumns(synapses), random);
        Selection selected;
        if (assignment.condition)
            selected = run.byCondition();
        else if (!assignment.index.all())
            selected = run.byIndex();
        else if (!assignment.pre.all() || !assignment.post.all())
            selected = byPair(assignment, synapses);
        run.apply(selected, assignedArray(synapses, assignment.target));
    }
}

} // namespace spikestudio
