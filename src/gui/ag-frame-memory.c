/* ag-frame-memory.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-frame-memory"

#include "config.h"

#ifdef HAVE_MALLOPT
#include <malloc.h>
#endif

#ifdef HAVE_CAIRO_XLIB
#include <cairo-xlib.h>
#include <gdk/x11/gdkx.h>
#endif

#include "ag-frame-memory.h"

/* Memory for the frames of GTK's cairo renderer.
 *
 * Without GL, GTK 4.8 draws each frame into images the size of what
 * changed — while the graph pans, the whole view — and frees them when the
 * frame is done: the picture the frame is painted into and, for the
 * view's cairo node, the copy cairo replays the node into. If that memory
 * goes back to the system at the end of each frame, the kernel faults in
 * every page of it again in the next one. On a virtual machine that costs
 * 25–35 ms a frame at 1280 × 800, where the drawing itself takes 3 ms
 * (docs/benchmarks.md, "graph view panning"). Two things give it back:
 *
 * - On X11 with MIT-SHM, cairo takes the picture from a pool of shared
 *   memory and destroys the pool as soon as nothing in it is used, which
 *   is at the end of every frame. Keeping one image of the window's size
 *   alive in the pool keeps the pool. The image is never drawn in, but
 *   cairo clears it when it makes it: it holds a window's worth of memory
 *   (4 MB at 1280 × 800) besides the pages the frames reuse. The window
 *   makes it in its first frame (AgWindow), where the 10–30 ms that costs
 *   go unnoticed.
 *
 * - glibc hands out such large blocks by mmap() until its threshold has
 *   grown past them, and gives the top of the heap back once more than
 *   twice that threshold is free there: two window-sized images freed
 *   together at the end of a frame are. We set from the start the limits
 *   glibc's own heuristic reaches for blocks of up to 32 MB (a 4K frame):
 *   blocks that large come from the heap, and up to 64 MB of free heap is
 *   kept for the next frame. */

#define MMAP_THRESHOLD (32 * 1024 * 1024)
#define TRIM_THRESHOLD (2 * MMAP_THRESHOLD)

/**
 * ag_frame_memory_init:
 *
 * Sets the allocator's limits, once. Call before the first frame.
 */
void
ag_frame_memory_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
#ifdef HAVE_MALLOPT
      mallopt (M_MMAP_THRESHOLD, MMAP_THRESHOLD);
      mallopt (M_TRIM_THRESHOLD, TRIM_THRESHOLD);
#endif
      g_once_init_leave (&done, 1);
    }
}

#ifdef HAVE_CAIRO_XLIB
#define POOL_KEY "ag-frame-memory-pool"
#endif

/**
 * ag_frame_memory_keep_pool:
 * @widget: a widget in a window
 *
 * Keeps cairo's pool of shared memory for the frames of @widget's window,
 * when the window is on X11 and drawn by the cairo renderer; otherwise
 * does nothing. The image that keeps it belongs to the window's surface.
 * Cheap when nothing changed: call it from a snapshot, as early as
 * possible, since making the pool takes a while (10-30 ms for 1280 x 800).
 */
void
ag_frame_memory_keep_pool (GtkWidget *widget)
{
#ifdef HAVE_CAIRO_XLIB
  GtkNative *native;
  GdkSurface *surface;
  GdkDisplay *display;
  Display *xdisplay;
  cairo_surface_t *window_surface, *image, *anchor;
  int scale, width, height;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  native = gtk_widget_get_native (widget);
  surface = native != NULL ? gtk_native_get_surface (native) : NULL;
  if (surface == NULL || !GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native)))
    return;
  display = gdk_surface_get_display (surface);
  if (!GDK_IS_X11_DISPLAY (display))
    return;

  scale = gdk_surface_get_scale_factor (surface);
  width = gdk_surface_get_width (surface) * scale;
  height = gdk_surface_get_height (surface) * scale;
  if (width <= 0 || height <= 0)
    return;
  anchor = g_object_get_data (G_OBJECT (surface), POOL_KEY);
  if (anchor != NULL &&
      cairo_image_surface_get_width (anchor) >= width &&
      cairo_image_surface_get_height (anchor) >= height)
    return;

  xdisplay = gdk_x11_display_get_xdisplay (display);
  window_surface = cairo_xlib_surface_create (xdisplay, gdk_x11_surface_get_xid (surface),
                                              DefaultVisual (xdisplay, DefaultScreen (xdisplay)),
                                              width, height);
  /* An image "similar" to an X window is one in shared memory when the
   * server allows it; without MIT-SHM it is a plain image, harmless. */
  image = cairo_surface_create_similar_image (window_surface, CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_destroy (window_surface);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (image);
      return;
    }

  /* The new pool first, then the old image goes (and its pool with it). */
  g_object_set_data_full (G_OBJECT (surface), POOL_KEY, image,
                          (GDestroyNotify) cairo_surface_destroy);
#else
  (void) widget;
#endif
}
