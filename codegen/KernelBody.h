#pragma once

#include "codegen/CEmitter.h"
#include "codegen/KernelSource.h"
#include "codegen/KernelView.h"
#include "codegen/LoopInvariants.h"
#include "equations/AbstractCode.h"
#include "model/CheckedModel.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace spikestudio {

/// The names a kernel may use for the model's constants: constants[k] in the
/// kernel is the k-th name here (live values, so they can change mid-run).
using ConstantTable = std::vector<std::string>;

/// Builds the body of one kernel for one group or synapses object: maps
/// every name to generated C, hoists loop invariants, and collects the loads
/// and stores of the arrays that the element loop needs.
class KernelBody {
public:
    /// `fixedArrays` come first in the kernel's arrays, for its template
    /// (a state monitor's indices and row, a summed variable's target).
    KernelBody(const KernelView& view, const ConstantTable& constants,
               std::vector<ArrayBinding> fixedArrays = {});

    /// Appends statements to the element loop.
    void assign(const std::string& target, const ExprPtr& value);
    void linearUpdate(const LinearUpdate& update);
    void decayUpdate(const LinearUpdate& update);
    void statements(const AbstractCode& code);
    /// Declares temporary `name` (starting with '_') as C the caller built from
    /// fixed tables and numbers, so that later expressions can read it.
    void assignC(const std::string& name, const std::string& cValue);
    /// Appends raw C built by the caller from emit() output.
    void appendVector(const std::string& line) { vector_ += line; }

    /// C for `expr` inside the element loop (invariant parts hoisted); the
    /// temporaries it needs are appended to the loop first.
    std::string emit(const ExprPtr& expr);
    /// The C local that holds a variable inside the loop (loading it).
    std::string variable(const std::string& name);
    /// Marks a variable as written so that it is stored back.
    std::string writeVariable(const std::string& name);
    /// The array pointer of a group variable ("_a3"), for indexed access
    /// outside the element loop; nothing is loaded or stored.
    std::string arrayPointer(const std::string& name);
    /// The C local of a temporary already assigned.
    std::string temporaryLocal(const std::string& name) const { return temporaries_.at(name); }

    /// The C element of variable `name` at the kernel's index ("_a3[_idx]"),
    /// for code outside the loads and stores of the element loop.
    std::string elementOf(const std::string& name);
    /// The element loop reads `name` from `cValue` instead of its array (the
    /// state vector a GSL solver passes its right-hand side).
    void loadFrom(const std::string& name, const std::string& cValue);
    /// The pointer local ("_a5") of an array the template itself uses.
    std::string boundArray(const ArrayBinding& binding) {
        return "_a" + std::to_string(arrayFor(binding));
    }
    /// The locals the hoisted values have ("_h0", ...), in the order computed.
    std::vector<std::string> hoistedLocals() const;

    /// Fills the template's %ARRAYS%, %SCALAR%, %LOADS%, %VECTOR%, %STORES%.
    std::string fill(std::string kernelTemplate);
    std::vector<ArrayBinding> arrays() const;
    /// The finished kernel: its C (prelude first), arrays, loop, and whether
    /// its elements may be shared out between threads.
    /// `ownerIndex`: the index a call's range is over ("_idx", or a pathway's
    /// "_pre" / "_post"); writes there are its own too.
    KernelSource source(const std::string& filledTemplate, KernelLoop loop,
                        const std::string& ownerIndex = "_idx") const;
    /// The indices ("_idx", "_post", ...) of every array the code writes.
    std::set<std::string> writtenIndices() const;
    /// Each element draws its own numbers, all of them before the next
    /// element's (where Brian2's numpy target loops element by element), so
    /// none are drawn ahead statement by statement.
    void drawElementByElement() { elementByElement_ = true; }

private:
    /// `code` with its %DRAWS% line filled: the element's numbers drawn ahead
    /// when `draws` (set here) says they can be, else nothing.
    std::string withDraws(std::string code, KernelLoop loop, RandomDraws& draws) const;
    std::string cName(const std::string& name);
    std::string cFunction(const std::string& name, const std::vector<std::string>& arguments);
    static std::string binomialDraw(const BinomialShape& shape);
    CCode emitCode(const ExprPtr& expr, const std::string& indent);
    bool isInvariantName(const std::string& name) const;
    int arrayFor(const ArrayBinding& array);
    NameAccess accessOf(const std::string& name) const;
    std::string temporary(const std::string& name, bool& isNew);
    std::string linearRow(const LinearUpdate& update, const std::string& id, size_t row,
                          bool gatedVariant, bool scalarEntries);
    static std::string scalarCopies(const std::string& array, size_t count);
    bool arraysAreDistinct() const;
    bool writesOnlyOwnElements(const std::string& ownerIndex) const;

    const KernelView& view_;
    const ConstantTable& constants_;
    std::vector<ArrayBinding> fixedArrays_;
    std::vector<ArrayBinding> arrays_;            // runtime arrays, in kernel order
    std::map<ArrayBinding, NameAccess> accesses_; // how each array is indexed
    std::set<ArrayBinding> loaded_;
    std::map<ArrayBinding, std::string> loadSources_; // loads from elsewhere than the array
    std::set<ArrayBinding> written_;
    std::set<std::string> writtenNames_; // names as the code wrote them
    std::map<std::string, std::string> temporaries_;
    LoopInvariants invariants_;
    CEmitter emitter_;
    std::string scalar_;
    std::string vector_;
    bool elementByElement_ = false;
    int linearUpdates_ = 0;
};

} // namespace spikestudio
