#include "document/KindText.h"

#include <QObject>
#include <QStringList>

namespace spikestudio {

namespace KindText {

namespace {

QString capitalized(QString text) {
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

QString title(const ObjectKind& kind) {
    return capitalized(QString::fromStdString(kind.label));
}

QString addActionName(const ObjectKind& kind) {
    QString name = "add";
    for (const QString& word : QString::fromStdString(kind.label).split(' ', Qt::SkipEmptyParts))
        name += capitalized(word);
    return name;
}

QString addDescription(const ObjectKind& kind) {
    return QObject::tr("Add a %1 (%2) in the middle of the view")
        .arg(QString::fromStdString(kind.typeName), QString::fromStdString(kind.summary));
}

QString addHere(const ObjectKind& kind) {
    return QObject::tr("Add a %1 here").arg(QString::fromStdString(kind.label));
}

} // namespace KindText

} // namespace spikestudio
