#pragma once

#include <QFile>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

/// An SVG file as an XML parser sees it: whether it is well-formed, its root
/// element, how many elements of each name it holds (e.g. "path") and the
/// text of each <text> element.
struct SvgFile {
    QString error; // empty when the whole file parsed
    QString root;
    QMap<QString, int> elements;
    QStringList texts;

    static SvgFile read(const QString& path) {
        SvgFile svg;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            svg.error = file.errorString();
            return svg;
        }
        QXmlStreamReader xml(&file);
        int inText = 0; // depth of <text> elements around the current token
        while (!xml.atEnd()) {
            const QXmlStreamReader::TokenType token = xml.readNext();
            if (token == QXmlStreamReader::StartElement) {
                if (svg.root.isEmpty())
                    svg.root = xml.name().toString();
                ++svg.elements[xml.name().toString()];
                if (xml.name() == QLatin1String("text") && inText++ == 0)
                    svg.texts.append(QString());
            } else if (token == QXmlStreamReader::EndElement &&
                       xml.name() == QLatin1String("text")) {
                --inText;
            } else if (token == QXmlStreamReader::Characters && inText > 0) {
                svg.texts.last() += xml.text().toString();
            }
        }
        if (xml.hasError())
            svg.error = xml.errorString();
        return svg;
    }
};
