/**
 * Fergana Border Atlas. The only service it provides is the offline basemap: Gluon Maps picks
 * our TileRetriever through this {@code provides}, so its online OpenStreetMap retriever is never used.
 */
module fergana.atlas {
    requires javafx.controls;
    requires com.gluonhq.maps;
    requires java.sql;
    requires java.desktop;
    requires org.xerial.sqlitejdbc;
    requires org.locationtech.jts;
    requires GeographicLib.Java;

    provides com.gluonhq.maps.tile.TileRetriever with org.ferganaatlas.map.AtlasTileRetriever;

    opens org.ferganaatlas.gui to javafx.graphics;
    exports org.ferganaatlas.gui;
}
