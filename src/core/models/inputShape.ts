/** What a model is built for: square images of `imageSize` pixels with `channels` channels, and `numClasses` labels. */
export interface InputShape {
  imageSize: number;
  channels: number;
  numClasses: number;
}
