#include "inspector/ConnectCallsSection.h"

#include "document/ModelLookup.h"
#include "document/NumberLists.h"

#include <QRegularExpression>
#include <QToolButton>

namespace spikestudio {

namespace {

using Form = ConnectSpec::Form;

// Columns in the order of the fields the checker names (connect[k].<field>).
const QStringList kFields{"form", "condition", "p", "n", "i", "j", "skip_if_invalid"};
enum Column { FormColumn, ConditionColumn, PColumn, NColumn, IColumn, JColumn, SkipColumn };

QString formText(Form form) {
    switch (form) {
    case Form::Arrays:
        return "arrays";
    case Form::Generator:
        return "generator";
    case Form::Rule:
        break;
    }
    return "rule";
}

std::optional<Form> formOf(const QString& text) {
    for (Form form : {Form::Rule, Form::Arrays, Form::Generator})
        if (text == formText(form))
            return form;
    return std::nullopt;
}

std::optional<bool> flagOf(const QString& text) {
    if (text == "yes" || text == "true")
        return true;
    if (text == "no" || text == "false" || text.isEmpty())
        return false;
    return std::nullopt;
}

QStringList rowOf(const ConnectSpec& call) {
    const auto text = [](const std::string& value) { return QString::fromStdString(value); };
    const bool arrays = call.form == Form::Arrays;
    const bool generator = call.form == Form::Generator;
    // A generator is written in the column of the index it gives.
    const auto generatorIn = [&](bool iColumn) {
        return generator && call.overPostsynaptic == iColumn ? text(call.generator) : QString();
    };
    return {formText(call.form),
            call.form == Form::Rule ? text(call.condition) : QString(),
            generator ? QString() : text(call.p),
            text(call.n),
            arrays ? NumberLists::formatIndices(call.i) : generatorIn(true),
            arrays ? NumberLists::formatIndices(call.j) : generatorIn(false),
            call.skipIfInvalid ? "yes" : "no"};
}

} // namespace

ConnectCallsSection::ConnectCallsSection(ModelDocument* document, QWidget* parent)
    : TableSection(
          document, tr("Connect calls"),
          {tr("Form"), tr("Condition"), tr("p"), tr("n"), tr("i"), tr("j"), tr("Skip invalid")},
          parent) {
    setObjectName("section:connects");
    addButton()->setToolTip(tr("Add a connect() call: its synapses come after those of the "
                               "calls above"));
    connect(addButton(), &QToolButton::clicked, this, &ConnectCallsSection::addCall);
}

bool ConnectCallsSection::appliesTo(const ObjectRef& object) const {
    return object.kind == ObjectRef::Kind::Synapses;
}

std::vector<ConnectSpec> ConnectCallsSection::calls() const {
    const SynapsesSpec* synapses = ModelLookup::synapses(model(), object().name);
    if (!synapses)
        return {};
    std::vector<ConnectSpec> all{synapses->connect};
    all.insert(all.end(), synapses->laterConnects.begin(), synapses->laterConnects.end());
    return all;
}

QList<QStringList> ConnectCallsSection::rows() const {
    QList<QStringList> rows;
    for (const ConnectSpec& call : calls())
        rows.append(rowOf(call));
    return rows;
}

/// Only the cells the call's form has: a rule has no i or j, arrays no
/// condition, a generator only i or j (the index it gives), n and skip_if_invalid.
bool ConnectCallsSection::isEditable(int row, int column) const {
    const std::vector<ConnectSpec> all = calls();
    if (row >= int(all.size()))
        return false;
    switch (all[size_t(row)].form) {
    case Form::Rule:
        return column != IColumn && column != JColumn;
    case Form::Arrays:
        return column != ConditionColumn && column != SkipColumn;
    case Form::Generator:
        return column != ConditionColumn && column != PColumn;
    }
    return false;
}

void ConnectCallsSection::editCalls(const QString& text,
                                    const std::function<void(std::vector<ConnectSpec>&)>& edit) {
    const QString name = object().name;
    pushEdit(text, [name, edit](Model& model) {
        SynapsesSpec* synapses = ModelLookup::synapses(model, name);
        if (!synapses)
            return;
        std::vector<ConnectSpec> all{synapses->connect};
        all.insert(all.end(), synapses->laterConnects.begin(), synapses->laterConnects.end());
        edit(all);
        if (all.empty())
            return;
        synapses->connect = all.front();
        synapses->laterConnects.assign(all.begin() + 1, all.end());
    });
}

/// A new call as a new Synapses object connects: each pair with probability 0.1.
void ConnectCallsSection::addCall() {
    ConnectSpec call;
    call.p = "0.1";
    editCalls(tr("Add connect call"),
              [call](std::vector<ConnectSpec>& all) { all.push_back(call); });
}

bool ConnectCallsSection::commitIndices(int row, int column, const QString& text) {
    QString problem;
    const auto indices = NumberLists::parseIndices(text, &problem);
    if (!indices) {
        showLocalProblem(row, column, problem);
        return false;
    }
    editCalls(tr("Edit connect call"),
              [row, column, values = *indices](std::vector<ConnectSpec>& all) {
                  if (row < int(all.size()))
                      (column == IColumn ? all[size_t(row)].i : all[size_t(row)].j) = values;
              });
    return true;
}

void ConnectCallsSection::commitCell(int row, int column, const QString& text) {
    const QString value = text.trimmed();
    const std::vector<ConnectSpec> all = calls();
    if (row >= int(all.size()))
        return;
    const ConnectSpec& call = all[size_t(row)];
    if (column == FormColumn) {
        const auto form = formOf(value);
        if (!form)
            return showLocalProblem(row, column, tr("expected rule, arrays or generator"));
        return editCalls(tr("Edit connect call"), [row,
                                                   form = *form](std::vector<ConnectSpec>& list) {
            list[size_t(row)].form = form;
            if (form != Form::Rule) // arrays and generators are not skipped, and have no condition
                list[size_t(row)].condition.clear();
            if (form == Form::Arrays)
                list[size_t(row)].skipIfInvalid = false;
        });
    }
    if (column == SkipColumn) {
        const auto flag = flagOf(value);
        if (!flag)
            return showLocalProblem(row, column, tr("expected yes or no"));
        return editCalls(tr("Edit connect call"),
                         [row, flag = *flag](std::vector<ConnectSpec>& list) {
                             list[size_t(row)].skipIfInvalid = flag;
                         });
    }
    const bool indexColumn = column == IColumn || column == JColumn;
    if (indexColumn && call.form == Form::Arrays) {
        commitIndices(row, column, value);
        return;
    }
    editCalls(tr("Edit connect call"),
              [row, column, text = value.toStdString()](std::vector<ConnectSpec>& list) {
                  ConnectSpec& edited = list[size_t(row)];
                  if (column == IColumn || column == JColumn) {
                      // A generator typed under i gives i for each target (Brian2's
                      // connect(i='...')); under j, j for each source.
                      edited.generator = text;
                      edited.overPostsynaptic = column == IColumn;
                      return;
                  }
                  (column == ConditionColumn ? edited.condition
                   : column == PColumn       ? edited.p
                                             : edited.n) = text;
              });
}

void ConnectCallsSection::removeRow(int row) {
    if (calls().size() <= 1) {
        showLocalProblem(row, FormColumn,
                         tr("a Synapses object keeps at least one connect call; edit it instead"));
        return;
    }
    editCalls(tr("Remove connect call"), [row](std::vector<ConnectSpec>& all) {
        if (row < int(all.size()))
            all.erase(all.begin() + row);
    });
}

std::optional<TableSection::Cell>
ConnectCallsSection::problemCell(const Diagnostic& problem) const {
    static const QRegularExpression field("^connect(?:\\[(\\d+)\\])?(?:\\.(\\w+))?$");
    const auto match = field.match(problem.field);
    // A single call's problems (`connect.p`) show under the connect fields.
    if (problem.object != object().name || !match.hasMatch() || match.captured(1).isEmpty())
        return std::nullopt;
    const int row = match.captured(1).toInt();
    if (row >= int(calls().size()))
        return std::nullopt;
    return Cell{row, int(std::max<qsizetype>(kFields.indexOf(match.captured(2)), 0))};
}

} // namespace spikestudio
