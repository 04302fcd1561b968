#include "equations/NameRules.h"

#include "diagnostics/ModelError.h"
#include "expr/BuiltinFunction.h"
#include "expr/Parser.h"
#include "units/UnitRegistry.h"

#include <array>
#include <cctype>

namespace spikestudio {

namespace {

constexpr std::array<std::string_view, 44> kCKeywords = {
    "auto",     "break",  "case",   "char",     "const",      "continue", "default",  "do",
    "double",   "else",   "enum",   "extern",   "float",      "for",      "goto",     "if",
    "inline",   "int",    "long",   "register", "restrict",   "return",   "short",    "signed",
    "sizeof",   "static", "struct", "switch",   "typedef",    "union",    "unsigned", "void",
    "volatile", "while",  "_Bool",  "_Complex", "_Imaginary", "asm",      "bool",     "true",
    "false",    "NULL",   "main",   "typeof"};

// `lastupdate` is not here: Brian2 reserves it only in Synapses with
// event-driven equations (SynapsesChecker refuses it there).
constexpr std::array<std::string_view, 14> kBrianReserved = {
    "t",         "dt",    "t_in_timesteps", "i",          "j",
    "N",         "xi",    "not_refractory", "refractory", "refractory_until",
    "lastspike", "delay", "N_incoming",     "N_outgoing"};

bool endsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

template <size_t Size>
bool listed(const std::array<std::string_view, Size>& words, std::string_view name) {
    for (std::string_view word : words)
        if (word == name)
            return true;
    return false;
}

} // namespace

bool isIdentifier(std::string_view name) {
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_'))
        return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
            return false;
    return true;
}

std::string whyObjectNameIsRefused(std::string_view name) {
    const std::string quoted = "'" + std::string(name) + "'";
    if (!isIdentifier(name))
        return quoted + " is not a valid name (letters, digits and '_', not starting with a digit)";
    if (name.size() > 64)
        return quoted + " is too long (at most 64 characters)";
    return "";
}

std::string whyNameIsRefused(std::string_view name) {
    const std::string objectRule = whyObjectNameIsRefused(name);
    if (!objectRule.empty())
        return objectRule;
    const std::string quoted = "'" + std::string(name) + "'";
    if (name[0] == '_')
        return quoted + " starts with '_', which is reserved for generated names";
    if (isLanguageKeyword(name))
        return quoted + " is a reserved word of the equation language";
    if (listed(kCKeywords, name))
        return quoted + " is a reserved word of C";
    if (listed(kBrianReserved, name) || name.starts_with("xi_"))
        return quoted + " is a name Brian2 reserves";
    if (endsWith(name, "_pre") || endsWith(name, "_post"))
        return quoted + " ends in '_pre' or '_post', which are reserved for synaptic access";
    double ignored = 0;
    if (findBuiltinFunction(name) || findBuiltinConstant(name, ignored))
        return quoted + " is the name of a built-in function or constant";
    if (UnitRegistry::instance().contains(name))
        return quoted + " is the name of a unit";
    return "";
}

std::string whyNeuronVariableNameIsRefused(std::string_view name) {
    return name == "delay" ? "" : whyNameIsRefused(name);
}

void requireValidName(std::string_view name, const std::string& object, const std::string& field) {
    const std::string why = whyNameIsRefused(name);
    if (!why.empty())
        throw ModelError({object, field, 0, 0}, why);
}

} // namespace spikestudio
