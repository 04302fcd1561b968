#pragma once

#include <QFile>
#include <QMap>
#include <QString>
#include <QXmlStreamReader>

/// An SVG file as an XML parser sees it: whether it is well-formed, its root
/// element, and how many elements of each name it holds (e.g. "path").
struct SvgFile {
    QString error; // empty when the whole file parsed
    QString root;
    QMap<QString, int> elements;

    static SvgFile read(const QString& path) {
        SvgFile svg;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            svg.error = file.errorString();
            return svg;
        }
        QXmlStreamReader xml(&file);
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement) {
                if (svg.root.isEmpty())
                    svg.root = xml.name().toString();
                ++svg.elements[xml.name().toString()];
            }
        if (xml.hasError())
            svg.error = xml.errorString();
        return svg;
    }
};
