#include "sweep/SweepAxis.h"

#include "diagnostics/ModelError.h"
#include "diagnostics/UserError.h"
#include "diagnostics/WholeNumber.h"
#include "expr/ConstantFolder.h"
#include "expr/Parser.h"
#include "expr/Scope.h"
#include "sweep/QuantityText.h"

#include <cctype>
#include <cmath>

namespace spikestudio {
namespace {

constexpr std::size_t kMaxTextLength = 4096;

[[noreturn]] void refuseVary(std::string_view text, const std::string& why) {
    throw UserError("--vary '" + std::string(text) + "': " + why);
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

bool isIdentifier(std::string_view name) {
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_'))
        return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
            return false;
    return true;
}

// Splits at `separator` outside parentheses and brackets.
std::vector<std::string_view> splitTopLevel(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t k = 0; k < text.size(); ++k) {
        const char c = text[k];
        if (c == '(' || c == '[')
            ++depth;
        else if (c == ')' || c == ']')
            --depth;
        else if (c == separator && depth == 0) {
            parts.push_back(text.substr(start, k - start));
            start = k + 1;
        }
    }
    parts.push_back(text.substr(start));
    return parts;
}

class AxisReader {
public:
    explicit AxisReader(std::string_view option) : option_(option) {}

    Quantity quantity(std::string_view text) const {
        if (trimmed(text).empty())
            refuseVary(option_, "a value is missing");
        try {
            const Scope unitsOnly;
            return evaluateQuantity(parseExpression(trimmed(text)), unitsOnly);
        } catch (const ModelError& error) {
            refuseVary(option_, "'" + std::string(trimmed(text)) + "': " + error.problem());
        }
    }

    std::size_t count(std::string_view text) const {
        text = trimmed(text);
        const auto value = wholeNumber(text, 1, kMaxAxisValues);
        if (!value)
            refuseVary(option_, "the number of values must be a whole number from 1 to " +
                                    std::to_string(kMaxAxisValues));
        return *value;
    }

    void sameDimension(SweepAxis& axis, const Quantity& value) const {
        if (axis.values.empty())
            axis.dimension = value.dim;
        else if (value.dim != axis.dimension)
            refuseVary(option_, "values of different units (" + axis.dimension.toString() +
                                    " and " + value.dim.toString() + ")");
    }

private:
    std::string_view option_;
};

void readList(const AxisReader& reader, std::string_view option, std::string_view values,
              SweepAxis& axis) {
    const std::size_t close = values.rfind(']');
    if (close == std::string_view::npos)
        refuseVary(option, "a list needs its closing ']'");
    const std::string_view unit = trimmed(values.substr(close + 1));
    if (!unit.empty() && unit.front() != '*' && unit.front() != '/')
        refuseVary(option, "after ']' only a unit may follow, as in [10, 20]*ms");
    const std::string_view inside = values.substr(1, close - 1);
    if (trimmed(inside).empty())
        refuseVary(option, "the list is empty");
    const auto elements = splitTopLevel(inside, ',');
    if (elements.size() > kMaxAxisValues)
        refuseVary(option, "more than " + std::to_string(kMaxAxisValues) + " values");
    for (std::string_view element : elements) {
        if (trimmed(element).empty())
            refuseVary(option, "an element of the list is empty");
        const Quantity value =
            reader.quantity("(" + std::string(element) + ")" + std::string(unit));
        reader.sameDimension(axis, value);
        axis.values.push_back(value.value);
    }
}

void readRange(const AxisReader& reader, std::string_view option,
               const std::vector<std::string_view>& parts, SweepAxis& axis) {
    if (parts.size() > 4 || (parts.size() == 4 && trimmed(parts[3]) != "log"))
        refuseVary(option, "a range is START:STOP:COUNT or START:STOP:COUNT:log");
    if (parts.size() < 3)
        refuseVary(option, "a range needs a count, as in 0.5*mV:2*mV:8");
    const Quantity start = reader.quantity(parts[0]);
    const Quantity stop = reader.quantity(parts[1]);
    const std::size_t count = reader.count(parts[2]);
    if (start.dim != stop.dim)
        refuseVary(option, "values of different units (" + start.dim.toString() + " and " +
                               stop.dim.toString() + ")");
    axis.dimension = start.dim;
    const bool logarithmic = parts.size() == 4;
    axis.logarithmic = logarithmic;
    if (logarithmic && !(start.value > 0 && stop.value > 0))
        refuseVary(option, "a logarithmic range needs a positive start and stop");
    if (!std::isfinite(start.value) || !std::isfinite(stop.value))
        refuseVary(option, "start and stop must be finite");
    axis.values.clear();
    for (std::size_t k = 0; k < count; ++k) {
        const double fraction = count == 1 ? 0.0 : double(k) / double(count - 1);
        axis.values.push_back(
            logarithmic ? std::exp(std::log(start.value) +
                                   fraction * (std::log(stop.value) - std::log(start.value)))
                        : start.value + fraction * (stop.value - start.value));
    }
    // The ends are exactly what the user typed, whatever rounding did in between.
    axis.values.front() = start.value;
    if (count > 1)
        axis.values.back() = stop.value;
}

} // namespace

std::string SweepAxis::valueText(std::size_t k) const {
    return exactQuantityText(Quantity{values.at(k), dimension});
}

SweepAxis parseSweepAxis(std::string_view text) {
    if (text.size() > kMaxTextLength)
        throw UserError("--vary: the text is longer than " + std::to_string(kMaxTextLength) +
                        " characters");
    const std::size_t equals = text.find('=');
    if (equals == std::string_view::npos)
        refuseVary(text, "write NAME=VALUES, as in we=0.5*mV:2*mV:8");
    SweepAxis axis;
    axis.constant = std::string(trimmed(text.substr(0, equals)));
    if (!isIdentifier(axis.constant))
        refuseVary(text, "'" + axis.constant + "' is not a constant's name");
    axis.text = std::string(trimmed(text));
    const std::string_view values = trimmed(text.substr(equals + 1));
    const AxisReader reader(text);
    if (!values.empty() && values.front() == '[') {
        readList(reader, text, values, axis);
        return axis;
    }
    const auto parts = splitTopLevel(values, ':');
    if (parts.size() == 1) {
        const Quantity value = reader.quantity(values);
        axis.dimension = value.dim;
        axis.values.push_back(value.value);
        return axis;
    }
    readRange(reader, text, parts, axis);
    return axis;
}

} // namespace spikestudio
