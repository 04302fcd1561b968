#include "codegen/KernelBody.h"

#include "codegen/CEmitter.h"
#include "codegen/CommonSubexpressions.h"
#include "codegen/DrawText.h"
#include "codegen/KernelTemplates.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace spikestudio {

namespace {
const std::string kIndent = "        ";

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

ExprPtr orZero(const ExprPtr& expr) {
    return expr ? expr : makeNumber(0.0);
}
} // namespace

KernelBody::KernelBody(const KernelView& view, const ConstantTable& constants,
                       std::vector<ArrayBinding> fixedArrays)
    : view_(view), constants_(constants), fixedArrays_(std::move(fixedArrays)),
      invariants_([this](const std::string& name) { return isInvariantName(name); }),
      emitter_([this](const std::string& name) { return cName(name); },
               [this](const std::string& name, const std::vector<std::string>& arguments) {
                   return cFunction(name, arguments);
               }) {}

bool KernelBody::isInvariantName(const std::string& name) const {
    if (name.starts_with("_hoisted_"))
        return true;
    if (name.starts_with("_") || writtenNames_.count(name))
        return false;
    const auto symbol = view_.scope().lookup(name);
    return symbol && symbol->kind != SymbolKind::PerElement;
}

int KernelBody::arrayFor(const ArrayBinding& array) {
    const auto found = std::find(arrays_.begin(), arrays_.end(), array);
    if (found != arrays_.end())
        return static_cast<int>(found - arrays_.begin());
    arrays_.push_back(array);
    return static_cast<int>(arrays_.size()) - 1;
}

NameAccess KernelBody::accessOf(const std::string& name) const {
    const auto access = view_.access(name);
    if (!access)
        throw std::logic_error("code generation met a name without an array: " + name);
    return *access;
}

std::string KernelBody::variable(const std::string& name) {
    const NameAccess access = accessOf(name);
    const int index = arrayFor(access.array);
    accesses_[access.array] = access;
    if (access.indexArray)
        arrayFor(*access.indexArray);
    loaded_.insert(access.array);
    return "_v" + std::to_string(index);
}

std::string KernelBody::arrayPointer(const std::string& name) {
    return "_a" + std::to_string(arrayFor(accessOf(name).array));
}

std::string KernelBody::elementOf(const std::string& name) {
    const NameAccess access = accessOf(name);
    return "_a" + std::to_string(arrayFor(access.array)) + "[" + access.index + "]";
}

void KernelBody::loadFrom(const std::string& name, const std::string& cValue) {
    loadSources_[accessOf(name).array] = cValue;
}

std::vector<std::string> KernelBody::hoistedLocals() const {
    std::vector<std::string> locals;
    for (const auto& [name, expr] : invariants_.hoisted())
        locals.push_back("_h" + name.substr(9));
    return locals;
}

std::string KernelBody::writeVariable(const std::string& name) {
    const std::string local = variable(name);
    const NameAccess access = accessOf(name);
    written_.insert(access.array);
    writtenNames_.insert(name);
    if (access.writeGuard) {
        arrayFor(*access.writeGuard);
        accesses_[*access.writeGuard] = NameAccess{*access.writeGuard, access.index, std::nullopt};
    }
    return local;
}

std::string KernelBody::temporary(const std::string& name, bool& isNew) {
    const auto found = temporaries_.find(name);
    isNew = found == temporaries_.end();
    if (!isNew)
        return found->second;
    std::string local = "_t" + std::to_string(temporaries_.size());
    temporaries_[name] = local;
    return local;
}

std::string KernelBody::cName(const std::string& name) {
    if (name.starts_with("_hoisted_"))
        return "_h" + name.substr(9);
    if (name.starts_with("_")) {
        const auto found = temporaries_.find(name);
        if (found != temporaries_.end())
            return found->second;
        // Else one of the runtime's own variables (a GSL solver's _step_count).
        if (!view_.access(name))
            throw std::logic_error("code generation read a temporary before writing it");
    }
    if (name == "t")
        return "_t";
    if (name == "dt")
        return "_dt";
    if (name == "t_in_timesteps")
        return "((double)_context->timestep)";
    const std::string special = view_.special(name);
    if (!special.empty())
        return special;
    const auto symbol = view_.scope().lookup(name);
    if (!symbol)
        throw std::logic_error("code generation met an unresolved name");
    if (symbol->kind == SymbolKind::Constant) {
        // Model constants are read live (they may change mid-run); units and N are literals.
        const auto constant = std::find(constants_.begin(), constants_.end(), name);
        if (constant != constants_.end())
            return "_constants[" + std::to_string(constant - constants_.begin()) + "]";
        return cLiteral(symbol->value);
    }
    const NameAccess access = accessOf(name);
    if (access.index == "0" && !access.indexArray && !writtenNames_.count(name))
        return "_a" + std::to_string(arrayFor(access.array)) + "[0]";
    return variable(name);
}

CCode KernelBody::emitCode(const ExprPtr& expr, const std::string& indent) {
    return emitter_.emit(expr, indent);
}

// A TimedArray call reads the runtime's copy of its values with the grid the
// caller's clock sees (Brian2's oversampling factor K). A BinomialFunction's
// call is the draw it makes.
std::string KernelBody::cFunction(const std::string& name,
                                  const std::vector<std::string>& arguments) {
    const auto symbol = view_.scope().lookup(name);
    if (symbol && symbol->kind == SymbolKind::Random)
        return binomialDraw(symbol->binomial);
    if (!symbol || symbol->kind != SymbolKind::Function || symbol->timed.oversampling < 1)
        throw std::logic_error("code generation met a function without an implementation");
    const TimedArrayShape& shape = symbol->timed;
    std::string call =
        shape.columns == 0 ? "spikestudio_timed_array_1d(" : "spikestudio_timed_array_2d(";
    call += "_a" + std::to_string(arrayFor(binding::TimedArrayValues{name})) + ", " +
            std::to_string(shape.rows) + ", ";
    if (shape.columns != 0)
        call += std::to_string(shape.columns) + ", ";
    call += cLiteral(shape.gridDt / static_cast<double>(shape.oversampling)) + ", " +
            std::to_string(shape.oversampling);
    for (const std::string& argument : arguments)
        call += ", " + argument;
    return call + ")";
}

std::string KernelBody::binomialDraw(const BinomialShape& shape) {
    if (shape.normal)
        return normalDrawText(shape.mean, shape.deviation);
    return binomialDrawText(shape.trials, shape.probability);
}

std::string KernelBody::emit(const ExprPtr& expr) {
    CCode code = emitCode(invariants_.hoist(expr), kIndent);
    vector_ += code.setup;
    return std::move(code.value);
}

void KernelBody::assign(const std::string& target, const ExprPtr& value) {
    const std::string rhs = emit(value);
    if (target.starts_with("_")) {
        bool isNew = false;
        const std::string local = temporary(target, isNew);
        vector_ += kIndent + (isNew ? "double " : "") + local + " = " + rhs + ";\n";
        return;
    }
    vector_ += kIndent + writeVariable(target) + " = " + rhs + ";\n";
}

void KernelBody::assignC(const std::string& name, const std::string& cValue) {
    bool isNew = false;
    const std::string local = temporary(name, isNew);
    vector_ += kIndent + (isNew ? "double " : "") + local + " = " + cValue + ";\n";
}

void KernelBody::statements(const AbstractCode& code) {
    const AbstractCode shared =
        commonSubexpressionSharing()
            ? shareCommonSubexpressions(
                  code, [this](const std::string& name) { return isInvariantName(name); })
            : code;
    for (const AbstractStatement& statement : shared) {
        if (const auto* assignment = std::get_if<Assignment>(&statement))
            assign(assignment->target, assignment->value);
        else
            linearUpdate(std::get<LinearUpdate>(statement));
    }
}

namespace {

/// Which entries of exp(M dt) (and of its integral G) can be non-zero: those
/// (r, c) with a path from r to c through M's non-zero entries, or r == c.
/// Terms that are zero whatever the constants are left out of the update.
std::vector<bool> propagatorPattern(const LinearUpdate& update, bool gatedVariant) {
    const size_t n = update.variables.size();
    std::vector<bool> reach(n * n, false);
    for (size_t r = 0; r < n; ++r) {
        reach[r * n + r] = true;
        const bool rowZeroed = gatedVariant && update.gatedByRefractoriness[r];
        for (size_t c = 0; c < n; ++c)
            reach[r * n + c] = reach[r * n + c] || (!rowZeroed && update.matrix[r * n + c]);
    }
    for (size_t via = 0; via < n; ++via) // transitive closure (Warshall)
        for (size_t r = 0; r < n; ++r)
            for (size_t c = 0; c < n; ++c)
                reach[r * n + c] = reach[r * n + c] || (reach[r * n + via] && reach[via * n + c]);
    return reach;
}

/// Whether row `row` of the update changes while an element is refractory:
/// it does when it is gated itself or its values flow from a gated row. The
/// others (CUBA's ge and gi) need no refractory variant, and no branch.
bool reachesGatedRow(const LinearUpdate& update, size_t row) {
    const size_t n = update.variables.size();
    const std::vector<bool> reach = propagatorPattern(update, false);
    for (size_t c = 0; c < n; ++c)
        if (reach[row * n + c] && update.gatedByRefractoriness[c])
            return true;
    return false;
}

/// Whether every variable of the update decays on its own: M diagonal, no
/// constant term, none gated by refractoriness (STDP's traces).
bool decaysOnItsOwn(const LinearUpdate& update) {
    const size_t n = update.variables.size();
    for (size_t r = 0; r < n; ++r) {
        if (update.constant[r] || update.gatedByRefractoriness[r])
            return false;
        for (size_t c = 0; c < n; ++c)
            if (r != c && update.matrix[r * n + c])
                return false;
    }
    return true;
}

} // namespace

// An update whose step differs per element (event-driven, since lastupdate)
// and whose variables decay on their own: x = exp(m step) x inline, exactly as
// the propagator's diagonal case computes it, instead of a propagator call per
// element, so that the loop stays plain arithmetic.
void KernelBody::decayUpdate(const LinearUpdate& update) {
    const size_t n = update.variables.size();
    const std::string step = "(" + emit(update.step) + ")";
    std::vector<std::string> values;
    for (size_t r = 0; r < n; ++r) {
        const ExprPtr& rate = update.matrix[r * n + r];
        const std::string current = variable(update.variables[r]);
        values.push_back(rate ? "spikestudio_exp((" + emit(rate) + ") * " + step + ")*" + current
                              : current);
    }
    for (size_t r = 0; r < n; ++r) {
        bool isNew = false;
        const std::string local = temporary("_" + update.variables[r], isNew);
        vector_ += kIndent + (isNew ? "double " : "") + local + " = " + values[r] + ";\n";
    }
}

// One row of X_new = A X + G B. Reads the propagator of update `id` as
// scalars `_A<id>_<k>` when it is computed once per call (so the loop keeps
// them in registers), or from its arrays when it is computed per element.
std::string KernelBody::linearRow(const LinearUpdate& update, const std::string& id, size_t row,
                                  bool gatedVariant, bool scalarEntries) {
    const size_t n = update.variables.size();
    const std::string suffix = gatedVariant ? "0" + id : id;
    const std::vector<bool> pattern = propagatorPattern(update, gatedVariant);
    auto entry = [&](const char* matrix, size_t k) {
        const std::string name = matrix + suffix;
        return scalarEntries ? name + "_" + std::to_string(k)
                             : name + "[" + std::to_string(k) + "]";
    };
    std::string sum;
    for (size_t c = 0; c < n; ++c) {
        if (!pattern[row * n + c])
            continue;
        sum += (sum.empty() ? "" : " + ") + entry("_A", row * n + c) + "*" +
               variable(update.variables[c]);
    }
    for (size_t c = 0; c < n; ++c) {
        if (!update.constant[c] || (gatedVariant && update.gatedByRefractoriness[c]) ||
            !pattern[row * n + c])
            continue;
        sum += " + " + entry("_G", row * n + c) + "*_B" + id + "_" + std::to_string(c);
    }
    return sum;
}

// `const double _A0_0 = _A0[0]; ...`: locals the compiler can keep in
// registers, which an array whose address went to a function cannot be.
std::string KernelBody::scalarCopies(const std::string& array, size_t count) {
    std::string copies;
    for (size_t k = 0; k < count; ++k)
        copies += "    const double " + array + "_" + std::to_string(k) + " = " + array + "[" +
                  std::to_string(k) + "];\n";
    return copies;
}

void KernelBody::linearUpdate(const LinearUpdate& update) {
    bool invariant = !update.step || invariants_.isInvariant(update.step);
    for (const ExprPtr& entry : update.matrix)
        invariant = invariant && (!entry || invariants_.isInvariant(entry));
    if (!invariant && update.step && decaysOnItsOwn(update))
        return decayUpdate(update);
    const size_t n = update.variables.size();
    const std::string id = std::to_string(linearUpdates_++);
    const bool gated = std::count(update.gatedByRefractoriness.begin(),
                                  update.gatedByRefractoriness.end(), true) > 0;
    // The propagator: once per call when M is the same for every element.
    std::string propagator;
    const auto written = [&](const ExprPtr& expr) {
        CCode code = emitCode(expr, "    ");
        propagator += code.setup;
        return std::move(code.value);
    };
    const std::string step = update.step ? "(" + written(update.step) + ")" : std::string("_dt");
    for (bool zeroGated : {false, true}) {
        if (zeroGated && !gated)
            continue;
        const std::string suffix = zeroGated ? "0" + id : id;
        std::string entries;
        for (size_t r = 0; r < n; ++r)
            for (size_t c = 0; c < n; ++c) {
                const bool zero =
                    !update.matrix[r * n + c] || (zeroGated && update.gatedByRefractoriness[r]);
                const std::string entry = zero ? "0.0" : written(update.matrix[r * n + c]);
                entries += (entries.empty() ? "" : ", ") + entry;
            }
        const std::string size = std::to_string(n * n);
        propagator += "    double _M" + suffix + "[" + size + "] = {" + entries + "};\n" +
                      "    double _A" + suffix + "[" + size + "];\n    double _G" + suffix + "[" +
                      size + "];\n" + "    spikestudio_linear_propagator(" + std::to_string(n) +
                      ", _M" + suffix + ", " + step + ", _A" + suffix + ", _G" + suffix + ");\n";
        if (invariant)
            propagator += scalarCopies("_A" + suffix, n * n) + scalarCopies("_G" + suffix, n * n);
    }
    if (invariant)
        scalar_ += propagator;
    else
        vector_ += replaceAll(propagator, "\n    ", "\n" + kIndent).insert(0, "    ");
    for (size_t c = 0; c < n; ++c)
        if (update.constant[c]) {
            const std::string value = emit(orZero(update.constant[c]));
            vector_ +=
                kIndent + "const double _B" + id + "_" + std::to_string(c) + " = " + value + ";\n";
        }
    std::string gate;
    if (gated)
        gate = cName("not_refractory");
    for (size_t r = 0; r < n; ++r) {
        bool isNew = false;
        const std::string local = temporary("_" + update.variables[r], isNew);
        std::string value = linearRow(update, id, r, false, invariant);
        if (gated && reachesGatedRow(update, r))
            value = "(" + gate + " != 0.0) ? (" + value + ") : (" +
                    linearRow(update, id, r, true, invariant) + ")";
        vector_ += kIndent + (isNew ? "double " : "") + local + " = " + value + ";\n";
    }
}

std::vector<ArrayBinding> KernelBody::arrays() const {
    std::vector<ArrayBinding> all = fixedArrays_;
    all.insert(all.end(), arrays_.begin(), arrays_.end());
    return all;
}

// `restrict` lets a compiler keep values in registers and vectorise loops. It
// holds unless two bindings can name one array: the pre and post `x` of
// Synapses whose source is their target.
// A linked variable reads another binding's array: its source may be written
// by the same kernel.
bool KernelBody::arraysAreDistinct() const {
    for (const ArrayBinding& array : arrays_) {
        if (std::holds_alternative<binding::LinkedSource>(array))
            return false;
        const auto* pre = std::get_if<binding::GroupVariable>(&array);
        if (pre && pre->side == SynapseSide::Pre &&
            std::find(arrays_.begin(), arrays_.end(),
                      ArrayBinding{binding::GroupVariable{SynapseSide::Post, pre->name}}) !=
                arrays_.end())
            return false;
    }
    return true;
}

// A linked variable may read another element's entry (of this group, even),
// and a write at any index but the element's own (or its owner's) may meet
// another element's. A pathway that writes neurons must not read them by the
// other side's index: the pre and post `x` of recurrent Synapses are one array.
bool KernelBody::writesOnlyOwnElements(const std::string& ownerIndex) const {
    for (const ArrayBinding& array : arrays_)
        if (std::holds_alternative<binding::LinkedSource>(array))
            return false;
    for (const auto& [array, access] : accesses_) {
        if (access.indexArray)
            return false;
        if (written_.count(array) && access.index != "_idx" && access.index != ownerIndex)
            return false;
    }
    return ownerIndex == "_idx" || arraysAreDistinct();
}

std::set<std::string> KernelBody::writtenIndices() const {
    std::set<std::string> indices;
    for (const auto& [array, access] : accesses_)
        if (written_.count(array))
            indices.insert(access.index);
    return indices;
}

namespace {

size_t occurrences(const std::string& text, const std::string& word) {
    size_t count = 0;
    for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1))
        ++count;
    return count;
}

/// Marks where a %DRAWS% line stood while the draws are planned.
const std::string kDrawsMarker = "\x01\n";

/// A draw found in kernel text: its kind, the length of its text, and for a
/// binomial draw its n and p.
struct FoundDraw {
    DrawKind kind = DrawKind::Uniform;
    size_t length = 0;
    BinomialSite binomial;
    bool operator==(const FoundDraw&) const = default;
};

/// The draw written at `at` in `text`, or nothing.
std::optional<FoundDraw> drawAt(const std::string& text, size_t at) {
    if (text.compare(at, kUniformDraw.size(), kUniformDraw) == 0)
        return FoundDraw{DrawKind::Uniform, kUniformDraw.size(), {}};
    if (text.compare(at, kNormalDraw.size(), kNormalDraw) == 0)
        return FoundDraw{DrawKind::Normal, kNormalDraw.size(), {}};
    if (const auto binomial = binomialDrawAt(text, at))
        return FoundDraw{
            DrawKind::Binomial, binomial->length, {binomial->trials, binomial->probability}};
    return std::nullopt;
}

/// The draws in `text`, in its order.
std::vector<FoundDraw> drawsIn(const std::string& text) {
    std::vector<FoundDraw> draws;
    for (size_t at = text.find("spikestudio_"); at != std::string::npos;
         at = text.find("spikestudio_", at + 1))
        if (const auto draw = drawAt(text, at))
            draws.push_back(*draw);
    return draws;
}

/// The draw sites of `code` in the order of its text, when its numbers can
/// be drawn ahead (RandomDraws): a loop over elements, a reset's events or a
/// pathway's due synapses whose every draw is rand() or randn(). A template
/// may write the element's code more than once (a pathway's loops), each
/// copy after its own marker: every copy must draw the same sites, and
/// nothing before the first marker may draw.
RandomDraws plannedDraws(const std::string& code, KernelLoop loop,
                         const CEmitter::DrawCounts& counts) {
    if (loop == KernelLoop::Written || counts.other > 0)
        return {};
    std::vector<std::string> copies;
    size_t from = code.find(kDrawsMarker);
    if (!drawsIn(code.substr(0, from)).empty())
        return {};
    while (from != std::string::npos) {
        const size_t next = code.find(kDrawsMarker, from + 1);
        copies.push_back(code.substr(from, next == std::string::npos ? next : next - from));
        from = next;
    }
    const std::vector<FoundDraw> sites = drawsIn(copies.front());
    const size_t expected = size_t(counts.uniform + counts.normal + counts.binomial);
    for (const std::string& copy : copies)
        if (drawsIn(copy) != sites || occurrences(copy, "_context->rng") != expected)
            return {};
    if (sites.size() != expected)
        return {};
    RandomDraws draws;
    for (const FoundDraw& site : sites) {
        draws.sites.push_back(site.kind);
        if (site.kind == DrawKind::Binomial)
            draws.binomials.push_back(site.binomial);
    }
    return draws;
}

/// Where an element of `loop` stands in the call's numbers when its
/// template's %DRAWS% marker does not say.
std::string defaultDrawPosition(KernelLoop loop) {
    return loop == KernelLoop::Events ? "_k" : "_idx";
}

/// `code` with the k-th draw after each marker reading `_d[k * drawCount]`.
std::string readDrawsAhead(const std::string& code) {
    std::string result;
    size_t from = 0;
    int site = 0;
    for (size_t at = code.find_first_of("\x01s", from); at != std::string::npos;
         at = code.find_first_of("\x01s", from)) {
        result.append(code, from, at - from);
        from = at + 1;
        if (code[at] == '\x01') {
            site = 0;
            result += '\x01';
            continue;
        }
        const auto draw = drawAt(code, at);
        if (!draw) {
            result += 's';
            continue;
        }
        result += site == 0 ? "_d[0]" : "_d[" + std::to_string(site) + " * _context->drawCount]";
        ++site;
        from = at + draw->length;
    }
    return result + code.substr(from);
}

} // namespace

// The template marks with %DRAWS% (or %DRAWS:position%, where the element's
// position in the call is not the default) where an element's loop body
// starts; with its numbers drawn ahead, each draw reads the element's number
// of its site.
std::string KernelBody::withDraws(std::string code, KernelLoop loop, RandomDraws& draws) const {
    struct Marker {
        std::string indent, position;
    };
    std::vector<Marker> markers;
    for (size_t at = code.find("%DRAWS"); at != std::string::npos; at = code.find("%DRAWS", at)) {
        const size_t lineStart = code.rfind('\n', at) + 1;
        const size_t close = code.find("%\n", at + 1);
        const std::string inside = code.substr(at + 6, close - at - 6);
        markers.push_back({code.substr(lineStart, at - lineStart),
                           inside.empty() ? defaultDrawPosition(loop) : inside.substr(1)});
        code.replace(lineStart, close + 2 - lineStart, kDrawsMarker);
        at = lineStart;
    }
    if (markers.empty())
        return code;
    if (!elementByElement_)
        draws = plannedDraws(code, loop, emitter_.draws());
    if (!draws.sites.empty())
        code = readDrawsAhead(code);
    size_t at = 0;
    for (const Marker& marker : markers) {
        at = code.find(kDrawsMarker, at);
        const std::string line =
            draws.sites.empty()
                ? ""
                : marker.indent + "const double* _d = _context->draws + " + marker.position + ";\n";
        code.replace(at, 2, line);
        at += line.size();
    }
    return code;
}

KernelSource KernelBody::source(const std::string& filledTemplate, KernelLoop loop,
                                const std::string& ownerIndex) const {
    RandomDraws draws;
    const std::string code = withDraws(filledTemplate, loop, draws);
    KernelSource source{kernelTemplate("prelude") + code, arrays(), loop};
    source.draws = draws;
    // Every draw the kernel makes itself passes the generator, so this finds
    // them all (rand, randn, binomial, poisson): the stream's order needs one pass.
    const bool drawsItself = code.find("_context->rng") != std::string::npos;
    source.independentElements = !drawsItself && writesOnlyOwnElements(ownerIndex);
    return source;
}

std::string KernelBody::fill(std::string kernelTemplate) {
    // Hoisted expressions first: they may register shared arrays.
    std::string scalar;
    for (const auto& [name, expr] : invariants_.hoisted()) {
        const CCode code = emitCode(expr, "    ");
        scalar += code.setup + "    const double _h" + name.substr(9) + " = " + code.value + ";\n";
    }
    std::string arrays, loads, stores;
    const size_t offset = fixedArrays_.size();
    const std::string pointer = arraysAreDistinct() ? "double* restrict _a" : "double* _a";
    for (size_t k = 0; k < arrays_.size(); ++k) {
        const std::string index = std::to_string(k);
        arrays +=
            "    " + pointer + index + " = (double*)_arrays[" + std::to_string(k + offset) + "];\n";
        const auto access = accesses_.find(arrays_[k]);
        std::string element = access == accesses_.end() ? "_idx" : access->second.index;
        if (access != accesses_.end() && access->second.indexArray)
            element = "(int64_t)_a" + std::to_string(arrayFor(*access->second.indexArray)) + "[" +
                      element + "]";
        const auto source = loadSources_.find(arrays_[k]);
        if (loaded_.count(arrays_[k]))
            loads += kIndent + "double _v" + index + " = " +
                     (source != loadSources_.end() ? source->second
                                                   : "_a" + index + "[" + element + "]") +
                     ";\n";
        if (!written_.count(arrays_[k]))
            continue;
        std::string store = "_a" + index + "[" + element + "] = _v" + index + ";\n";
        const std::optional<ArrayBinding>& guard = access->second.writeGuard;
        if (guard) // Brian2's conditional write for `(unless refractory)` targets
            store =
                "if (_a" + std::to_string(arrayFor(*guard)) + "[" + element + "] != 0.0) " + store;
        stores += kIndent + store;
    }
    std::string text = replaceAll(kernelTemplate, "%ARRAYS%\n", arrays);
    text = replaceAll(text, "%SCALAR%\n", scalar + scalar_);
    text = replaceAll(text, "%LOADS%\n", loads);
    text = replaceAll(text, "%VECTOR%\n", vector_);
    return replaceAll(text, "%STORES%\n", stores);
}

} // namespace spikestudio
