/** Size of the resize grip in a frame's bottom-right corner (world units). */
export const GRIP = 18;
