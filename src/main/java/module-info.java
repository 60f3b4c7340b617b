/**
 * Fergana Border Atlas. The only service it provides is the offline basemap: Gluon Maps picks
 * our TileRetriever through this {@code provides}, so its online OpenStreetMap retriever is never used.
 */
module fergana.atlas {
    requires javafx.controls;
    requires com.gluonhq.maps;
    requires java.sql;
    requires java.desktop;
    requires java.xml; // StAX for KML (entities and DTDs switched off)
    requires org.xerial.sqlitejdbc;
    requires org.locationtech.jts;
    requires GeographicLib.Java;
    requires org.locationtech.jts.io;
    requires com.fasterxml.jackson.core;
    requires org.apache.commons.csv;
    requires org.apache.pdfbox; // the PDF handout (data.io.HandoutPdf)
    // PDFBox logs through Commons Logging, an explicit module: on the module path nothing resolves it unless required
    requires org.apache.commons.logging;
    requires org.apache.fontbox; // glyph outlines of the bundled font for the tiles' labels (map.OutlineFont)
    requires org.apache.pdfbox.io;
    requires com.ibm.icu; // plural rules, numbers and dates of the five languages (gui.l10n)

    provides com.gluonhq.maps.tile.TileRetriever with org.ferganaatlas.map.AtlasTileRetriever;

    // Only the entry point: JavaFX must reach the Application subclass and its style sheet; nothing else is API.
    opens org.ferganaatlas.gui.app to javafx.graphics;
    exports org.ferganaatlas.gui.app;
}
