package org.ferganaatlas.map;

import com.gluonhq.maps.tile.TileRetriever;
import java.util.concurrent.CompletableFuture;
import javafx.scene.image.Image;

/** Offline basemap tiles for Gluon Maps, rendered from the bundled database (skeleton: no tiles yet). */
public final class AtlasTileRetriever implements TileRetriever {
    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        return CompletableFuture.completedFuture(null);
    }
}
